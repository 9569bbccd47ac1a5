package com.ocrchat.ocr;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.UnsupportedDocument;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A TIFF's pages counted by walking its chain of image file directories ourselves: each IFD is visited
 * once (a chain that points back is a corrupt file, not an endless one), no IFD lies outside the file,
 * and the walk stops at the page cap. Every strip or tile must lie inside the file too: the JDK's reader
 * allocates a buffer of the size a strip claims before reading it, so a 30-byte file could ask for
 * gigabytes. The JDK's reader follows the chain and trusts those sizes without these checks.
 */
final class TiffPages {
    private TiffPages() {}

    static int count(byte[] bytes, int maxPages) {
        if (bytes.length < 8) {
            throw corrupt("it is shorter than a TIFF header");
        }
        boolean little = bytes[0] == 'I';
        long offset = unsigned32(bytes, 4, little);
        Set<Long> visited = new HashSet<>();
        int pages = 0;
        while (offset != 0) {
            if (offset < 8 || offset + 2 > bytes.length) {
                throw corrupt("an image directory lies outside the file");
            }
            if (!visited.add(offset)) {
                throw corrupt("its chain of image directories loops back on itself");
            }
            if (++pages > maxPages) {
                throw new LimitExceeded(
                        "The TIFF has more than " + maxPages + " pages, more than this server reads in one file",
                        Map.of("max_pages", maxPages));
            }
            int entries = unsigned16(bytes, (int) offset, little);
            long next = offset + 2 + 12L * entries;
            if (next + 4 > bytes.length) {
                throw corrupt("an image directory runs past the end of the file");
            }
            checkImageData(bytes, (int) offset + 2, entries, little);
            offset = unsigned32(bytes, (int) next, little);
        }
        if (pages == 0) {
            throw corrupt("it has no image");
        }
        return pages;
    }

    private static final int STRIP_OFFSETS = 273;
    private static final int STRIP_BYTE_COUNTS = 279;
    private static final int TILE_OFFSETS = 324;
    private static final int TILE_BYTE_COUNTS = 325;

    private static final int IMAGE_WIDTH = 256;
    private static final int IMAGE_LENGTH = 257;
    private static final int COMPRESSION = 259;
    private static final int ROWS_PER_STRIP = 278;
    private static final int TILE_WIDTH = 322;
    private static final int TILE_LENGTH = 323;
    private static final int OLD_JPEG = 6;
    private static final int JPEG = 7;
    private static final Set<Integer> SIZE_TAGS =
            Set.of(IMAGE_WIDTH, IMAGE_LENGTH, COMPRESSION, ROWS_PER_STRIP, TILE_WIDTH, TILE_LENGTH);

    /**
     * Each strip's (or tile's) offset and byte count, from this IFD's entries, must fall inside the file; and when
     * they are JPEGs, their scans times their pixels come to at most {@link ImageCosts#MOST_SCAN_PIXELS} (the reader
     * decodes a progressive strip whole again after each of its scans).
     */
    private static void checkImageData(byte[] bytes, int firstEntry, int entries, boolean little) {
        long[] offsets = null;
        long[] counts = null;
        Map<Integer, Long> sizes = new HashMap<>();
        for (int i = 0; i < entries; i++) {
            int entry = firstEntry + 12 * i;
            int tag = unsigned16(bytes, entry, little);
            if (tag == STRIP_OFFSETS || tag == TILE_OFFSETS) {
                offsets = values(bytes, entry, little);
            } else if (tag == STRIP_BYTE_COUNTS || tag == TILE_BYTE_COUNTS) {
                counts = values(bytes, entry, little);
            } else if (SIZE_TAGS.contains(tag)) {
                long[] value = values(bytes, entry, little);
                sizes.put(tag, value.length > 0 ? value[0] : 0);
            }
        }
        if (offsets == null || counts == null) {
            return; // the reader refuses an image without its data on its own
        }
        long compression = sizes.getOrDefault(COMPRESSION, 1L);
        long width = sizes.getOrDefault(TILE_WIDTH, sizes.getOrDefault(IMAGE_WIDTH, 0L));
        long rows = sizes.getOrDefault(
                TILE_LENGTH,
                Math.min(sizes.getOrDefault(ROWS_PER_STRIP, 1L << 32), sizes.getOrDefault(IMAGE_LENGTH, 0L)));
        long scanPixels = 0;
        for (int i = 0; i < Math.min(offsets.length, counts.length); i++) {
            if (offsets[i] + counts[i] > bytes.length) {
                throw corrupt("its image data claims more bytes than the file holds");
            }
            if (compression == OLD_JPEG || compression == JPEG) {
                int scans = ImageCosts.jpegScans(bytes, (int) offsets[i], (int) (offsets[i] + counts[i]));
                scanPixels += scans * width * rows;
            }
        }
        if (scanPixels > ImageCosts.MOST_SCAN_PIXELS) {
            throw new LimitExceeded(
                    "The TIFF's JPEG strips have more scans than this server decodes at their size",
                    Map.of("max_scan_pixels", ImageCosts.MOST_SCAN_PIXELS));
        }
    }

    /** The SHORT or LONG values of an IFD entry, read where the entry says (inline, or at an offset in the file). */
    private static long[] values(byte[] bytes, int entry, boolean little) {
        int type = unsigned16(bytes, entry + 2, little);
        long count = unsigned32(bytes, entry + 4, little);
        int size = type == 3 ? 2 : type == 4 ? 4 : 0; // SHORT or LONG, as the TIFF 6.0 spec allows here
        if (size == 0) {
            throw corrupt("its strip or tile table has an unexpected type");
        }
        long at = count * size <= 4 ? entry + 8 : unsigned32(bytes, entry + 8, little);
        if (count > bytes.length || at + count * size > bytes.length) {
            throw corrupt("its strip or tile table lies outside the file");
        }
        long[] values = new long[(int) count];
        for (int i = 0; i < count; i++) {
            int position = (int) (at + (long) i * size);
            values[i] = size == 2 ? unsigned16(bytes, position, little) : unsigned32(bytes, position, little);
        }
        return values;
    }

    private static UnsupportedDocument corrupt(String why) {
        return new UnsupportedDocument("The TIFF file is corrupt or truncated and cannot be read (" + why + ")");
    }

    private static int unsigned16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long unsigned32(byte[] b, int at, boolean little) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int shift = little ? 8 * i : 8 * (3 - i);
            value |= (long) (b[at + i] & 0xFF) << shift;
        }
        return value;
    }
}
