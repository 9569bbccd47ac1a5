package com.ocrchat.ocr;

/**
 * How a JPEG's pixels are turned or mirrored to be seen upright: its EXIF Orientation tag (274), as a phone writes it
 * instead of turning the pixels, and as browsers and viewers honour it. Only that one entry of the first image file
 * directory is read, within its APP1 segment: a metadata library would walk every directory (maker notes included)
 * of a file that is the uploader's to choose.
 */
record ExifOrientation(boolean mirrored, int clockwiseQuarters) {
    static final ExifOrientation UPRIGHT = new ExifOrientation(false, 0);

    private static final int APP1 = 0xE1;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int SHORT = 3;
    private static final byte[] EXIF = {'E', 'x', 'i', 'f', 0, 0};

    /** EXIF's eight values: 1 as stored, 2 mirrored, 3 turned half round, ... 8 turned a quarter anticlockwise. */
    static ExifOrientation of(int value) {
        return switch (value) {
            case 2 -> new ExifOrientation(true, 0);
            case 3 -> new ExifOrientation(false, 2);
            case 4 -> new ExifOrientation(true, 2);
            case 5 -> new ExifOrientation(true, 3);
            case 6 -> new ExifOrientation(false, 1);
            case 7 -> new ExifOrientation(true, 1);
            case 8 -> new ExifOrientation(false, 3);
            default -> UPRIGHT;
        };
    }

    /** The orientation a JPEG file's EXIF gives, upright without one (or with one that cannot be read). */
    static ExifOrientation ofJpeg(byte[] bytes) {
        int at = 2; // after the start-of-image marker
        while (at + 4 <= bytes.length && bytes[at] == (byte) 0xFF) {
            int marker = bytes[at + 1] & 0xFF;
            int length = ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
            if (marker == 0xDA || marker == 0xD9 || length < 2) {
                return UPRIGHT; // the metadata comes before the first scan
            }
            int end = Math.min(bytes.length, at + 2 + length);
            if (marker == APP1 && startsWith(bytes, at + 4, EXIF)) {
                return of(orientationTag(bytes, at + 4 + EXIF.length, end));
            }
            at = end;
        }
        return UPRIGHT;
    }

    /** The Orientation entry of the TIFF structure at {@code tiff}, read no further than {@code end}; 1 without it. */
    private static int orientationTag(byte[] bytes, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = bytes[tiff] == 'I' && bytes[tiff + 1] == 'I';
        if (!little && !(bytes[tiff] == 'M' && bytes[tiff + 1] == 'M')) {
            return 1;
        }
        long directory = tiff + unsigned32(bytes, tiff + 4, little);
        if (directory + 2 > end) {
            return 1;
        }
        int entries = unsigned16(bytes, (int) directory, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) directory + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (unsigned16(bytes, entry, little) == ORIENTATION_TAG) {
                // A single SHORT sits in the first two bytes of the entry's value field, in either byte order.
                return unsigned16(bytes, entry + 2, little) == SHORT ? unsigned16(bytes, entry + 8, little) : 1;
            }
        }
        return 1;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (at + prefix.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int unsigned16(byte[] bytes, int at, boolean little) {
        int first = bytes[at] & 0xFF;
        int second = bytes[at + 1] & 0xFF;
        return little ? first | second << 8 : first << 8 | second;
    }

    private static long unsigned32(byte[] bytes, int at, boolean little) {
        long high = unsigned16(bytes, little ? at + 2 : at, little);
        long low = unsigned16(bytes, little ? at : at + 2, little);
        return high << 16 | low;
    }
}
