package com.ocrchat.ocr;

import com.ocrchat.error.UnsupportedDocument;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An uploaded image as ImageIO's readers read it: from memory (ImageIO's own stream over a byte array copies it to a
 * temporary file first), and refused once a reader keeps reading past its end. TwelveMonkeys' lossless WebP decoder
 * takes the end of the data as zero bits and goes on for as many pixels as the header claims, an exception and a read
 * for each: 220 bytes claiming 1000 x 1000 took 31 s, and 10000 x 10000 would take an hour.
 */
final class UploadImageStream extends ImageInputStreamImpl {
    /** Reads at the end a reader may make: a few for every well-formed file, whose readers check for more data. */
    static final int MOST_READS_PAST_THE_END = 4096;

    private final byte[] bytes;
    private int readsPastTheEnd;

    UploadImageStream(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() {
        bitOffset = 0;
        if (streamPos >= bytes.length) {
            return pastTheEnd();
        }
        return bytes[(int) streamPos++] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        bitOffset = 0;
        if (length == 0) {
            return 0;
        }
        if (streamPos >= bytes.length) {
            return pastTheEnd();
        }
        int read = (int) Math.min(length, bytes.length - streamPos);
        System.arraycopy(bytes, (int) streamPos, into, offset, read);
        streamPos += read;
        return read;
    }

    /**
     * Unknown, as from ImageIO's own stream: TwelveMonkeys refuses an image of a known length that decodes to more than
     * 2,048 times it, and a blank page in lossless WebP is smaller than that.
     */
    @Override
    public long length() {
        return -1;
    }

    private int pastTheEnd() {
        if (++readsPastTheEnd > MOST_READS_PAST_THE_END) { // unchecked: readers catch the end of file and go on
            throw new UnsupportedDocument("The image file is truncated: its reader went on past its end "
                    + MOST_READS_PAST_THE_END + " times, decoding pixels the file does not hold");
        }
        return -1;
    }
}
