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

    /**
     * Bytes a reader may take from the file, in all, for every byte of it, beyond {@link #READ_SLACK}: well-formed
     * files are read once or twice (headers, then pixels). A TIFF's strips may all point at the same large stretch of
     * data, each read whole to decode a row of it: 4 MB read by 20,000 strips took 11 s, and pages may share it too.
     */
    static final int MOST_READS_OF_EACH_BYTE = 16;

    static final long READ_SLACK = 64L << 20;

    private final byte[] bytes;
    private final long mostBytesRead;
    private int readsPastTheEnd;
    private long bytesRead;

    UploadImageStream(byte[] bytes) {
        this.bytes = bytes;
        this.mostBytesRead = MOST_READS_OF_EACH_BYTE * (long) bytes.length + READ_SLACK;
    }

    @Override
    public int read() {
        bitOffset = 0;
        if (streamPos >= bytes.length) {
            return pastTheEnd();
        }
        count(1);
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
        count(read);
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

    /** Bytes read so far, in all. */
    long bytesRead() {
        return bytesRead;
    }

    private void count(int read) {
        bytesRead += read;
        if (bytesRead > mostBytesRead) { // unchecked, as below
            throw new UnsupportedDocument("The image file is read over and over: its reader has taken "
                    + bytesRead / (1 << 20) + " MB from " + bytes.length / 1024
                    + " KB, its pages or strips pointing at the same data again and again");
        }
    }

    private int pastTheEnd() {
        if (++readsPastTheEnd > MOST_READS_PAST_THE_END) { // unchecked: readers catch the end of file and go on
            throw new UnsupportedDocument("The image file is truncated: its reader went on past its end "
                    + MOST_READS_PAST_THE_END + " times, decoding pixels the file does not hold");
        }
        return -1;
    }
}
