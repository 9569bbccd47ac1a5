package com.ocrchat.ocr;

import com.ocrchat.error.UnsupportedDocument;
import java.awt.image.DataBuffer;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import javax.imageio.ImageTypeSpecifier;

/**
 * What decoding an image will cost, worked out from its own bytes and its reader's headers before the reader decodes
 * anything: a page's pixels alone do not bound it. The JDK's readers allocate the raster a file's sample format
 * asks for (64-bit floats, thousands of samples a pixel), draw a progressive JPEG once for every scan inside one
 * native call no clock can stop, and read a BMP's embedded JPEG or PNG into a buffer of whatever size its header
 * claims.
 */
final class ImageCosts {
    /**
     * A decoded page, at most this many bytes for each pixel a page may have: a 48-bit RGB scan (an archive master) of
     * the most pixels, with room left in the heap for its grey copy and page image.
     */
    static final int MOST_BYTES_PER_PIXEL = 6;

    /**
     * Scans times pixels of a JPEG, at most: the JDK's reader decodes and draws the whole image after each scan of a
     * progressive file (about 50 ms a scan for 12 million pixels here), so 20 scans of a 100-million-pixel page.
     * Encoders write 1 to 3 scans, or about 10 for a progressive file.
     */
    static final long MOST_SCAN_PIXELS = 2_000_000_000L;

    /** BMP compressions whose data is a whole JPEG or PNG (BI_JPEG, BI_PNG), meant for printers. */
    private static final int BMP_JPEG = 4;

    private static final int BMP_PNG = 5;

    private ImageCosts() {}

    /** Whether a JPEG of these scans over a frame of these pixels is more than {@link #MOST_SCAN_PIXELS}. */
    static boolean overScanBudget(long scans, long pixels) {
        return scans * pixels > MOST_SCAN_PIXELS;
    }

    /** Bytes of the raster a reader decodes a page of this type to. */
    static long rasterBytes(ImageTypeSpecifier type, int width, int height) {
        SampleModel model = type.getSampleModel(1, 1);
        long bitsPerPixel;
        if (model instanceof MultiPixelPackedSampleModel packed) {
            bitsPerPixel = packed.getPixelBitStride();
        } else if (model instanceof SinglePixelPackedSampleModel) {
            bitsPerPixel = DataBuffer.getDataTypeSize(model.getDataType());
        } else {
            bitsPerPixel = (long) model.getNumBands() * DataBuffer.getDataTypeSize(model.getDataType());
        }
        return (width * bitsPerPixel + 7) / 8 * height;
    }

    /**
     * The most scans any reading of these bytes can meet: every start-of-scan marker is the pair FF DA, which a JPEG's
     * coded data never holds (an FF there is followed by 00 or a restart), so counting the pairs wherever they are
     * bounds the scans of every image in the bytes, whatever a parse skips (a tables-only image before the real one,
     * bytes between images, segments whose lengths lie).
     */
    static int jpegScans(byte[] bytes) {
        return jpegScans(bytes, 0, bytes.length);
    }

    /**
     * As above, counting a pair only where a scan header libjpeg accepts follows it (its length 6 + 2n for n of 1 to 4
     * components; on any other it stops with an error), so that random bytes (a video a phone appends to a photo, a
     * large colour profile) are not taken for scans.
     */
    static int jpegScans(byte[] bytes, int from, int to) {
        int scans = 0;
        for (int at = from; at + 4 < to; at++) {
            if (bytes[at] == (byte) 0xFF && bytes[at + 1] == (byte) 0xDA) {
                int length = bigEndian16(bytes, at + 2);
                int components = bytes[at + 4] & 0xFF;
                scans += components >= 1 && components <= 4 && length == 6 + 2 * components ? 1 : 0;
            }
        }
        return scans;
    }

    /** What a decoder meets reading one JPEG along its markers: its scans, its frame's pixels, and whether it ends. */
    record JpegWalk(int scans, long framePixels, boolean ended) {}

    /**
     * Walks the JPEG that begins at {@code from} along its markers as libjpeg reads them, up to {@code to}: each
     * segment by its length, each scan's coded data to the next marker that is not a stuffed byte or a restart, and
     * stops at its end-of-image marker.
     */
    static JpegWalk walkJpeg(byte[] bytes, int from, int to) {
        int scans = 0;
        long frame = 0;
        int at = from + 2; // after the start-of-image marker
        while (at + 1 < to) {
            int marker = bytes[at + 1] & 0xFF;
            if (bytes[at] != (byte) 0xFF || marker == 0xFF) {
                at++; // bytes between segments, or a fill byte: skipped, as libjpeg skips them
                continue;
            }
            if (marker == 0xD9) {
                return new JpegWalk(scans, frame, true);
            }
            if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                at += 2; // markers without a length
                continue;
            }
            if (at + 3 >= to) {
                break;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC && at + 8 < to) {
                frame = Math.max(frame, (long) bigEndian16(bytes, at + 5) * bigEndian16(bytes, at + 7));
            }
            at += 2 + bigEndian16(bytes, at + 2);
            if (marker == 0xDA) {
                scans++;
                while (at + 1 < to && !(bytes[at] == (byte) 0xFF && startsMarker(bytes[at + 1] & 0xFF))) {
                    at++;
                }
            }
        }
        return new JpegWalk(scans, frame, false);
    }

    /**
     * Why the JDK's JPEG reader cannot read this JPEG's frame, or null: it reads 8 bits a sample, in one, three or four
     * channels, and fails on others with its internals' messages (a 12-bit medical image is no corrupt file).
     */
    static String unreadableJpegFrame(byte[] bytes) {
        int frame = jpegFrame(bytes);
        if (frame < 0) {
            return null; // a scan before any frame: left to the reader
        }
        int precision = bytes[frame + 4] & 0xFF;
        int channels = bytes[frame + 9] & 0xFF;
        return precision != 8
                ? precision + " bits a sample"
                : channels == 2 || channels > 4 ? channels + " colour channels" : null;
    }

    /** The colour channels of a JPEG's frame (1 grey, 3 colour, 4 CMYK); 0 when it is not a JPEG or has no frame. */
    static int jpegChannels(byte[] bytes) {
        int frame = jpegFrame(bytes);
        return frame < 0 ? 0 : bytes[frame + 9] & 0xFF;
    }

    /** Whether a JPEG carries an ICC profile (an APP2 segment named so) before its first scan. */
    static boolean jpegIccProfile(byte[] bytes) {
        byte[] name = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return segmentBeforeScan(
                        bytes,
                        (marker, at) -> marker == 0xE2
                                && at + 4 + name.length <= bytes.length
                                && java.util.Arrays.equals(bytes, at + 4, at + 4 + name.length, name, 0, name.length))
                >= 0;
    }

    /** A JPEG's width and height from its frame header; null when it is not a JPEG or has no frame. */
    static int[] jpegSize(byte[] bytes) {
        int frame = jpegFrame(bytes);
        return frame < 0 ? null : new int[] {bigEndian16(bytes, frame + 7), bigEndian16(bytes, frame + 5)};
    }

    /** Where a JPEG's frame header (its SOF marker) begins; -1 when there is none before a scan or the end. */
    private static int jpegFrame(byte[] bytes) {
        return segmentBeforeScan(
                bytes,
                (marker, at) -> marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC);
    }

    private interface SegmentTest {
        boolean wanted(int marker, int at);
    }

    /**
     * Where the first segment the test wants begins, walking a JPEG's segments by their lengths up to its first scan;
     * -1 when the bytes do not start as a JPEG, or a scan or the end comes first.
     */
    private static int segmentBeforeScan(byte[] bytes, SegmentTest test) {
        if (bytes.length < 2 || bytes[0] != (byte) 0xFF || bytes[1] != (byte) 0xD8) {
            return -1;
        }
        int at = 2;
        while (at + 9 < bytes.length && bytes[at] == (byte) 0xFF) {
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return -1;
            }
            if (test.wanted(marker, at)) {
                return at;
            }
            at += 2 + bigEndian16(bytes, at + 2);
        }
        return -1;
    }

    /** A marker after FF in coded data: not a stuffed zero, not a restart. */
    private static boolean startsMarker(int next) {
        return next != 0x00 && (next < 0xD0 || next > 0xD7);
    }

    /** Refuses a BMP holding a JPEG or PNG: the JDK's reader allocates the size its header claims before reading. */
    static void checkBmp(byte[] bytes) {
        if (bytes.length >= 34 && littleEndianInt(bytes, 14) >= 40) {
            int compression = littleEndianInt(bytes, 30);
            if (compression == BMP_JPEG || compression == BMP_PNG) {
                String held = compression == BMP_JPEG ? "JPEG" : "PNG";
                throw new UnsupportedDocument("A BMP file holding a " + held + " image (compression " + compression
                        + ") is not read; send the " + held + " file itself");
            }
        }
    }

    private static int bigEndian16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF);
    }

    private static int littleEndianInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF)
                | (bytes[at + 1] & 0xFF) << 8
                | (bytes[at + 2] & 0xFF) << 16
                | (bytes[at + 3] & 0xFF) << 24;
    }
}
