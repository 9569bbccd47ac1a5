package com.ocrchat.ocr;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.UnsupportedDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        long[] tableEntries = {0}; // read so far, over the whole file
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
            checkImageData(bytes, (int) offset + 2, entries, little, tableEntries);
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
    private static final int SAMPLES_PER_PIXEL = 277;
    private static final int PLANAR_CONFIGURATION = 284;
    private static final int TILE_WIDTH = 322;
    private static final int TILE_LENGTH = 323;

    /**
     * Strip and tile entries read over the whole file: each directory's table is read by us and again by the JDK's
     * reader, so 200 tiny pages sharing one table of 10 million entries (42 MB) took 64 s to open. A page of 100
     * megapixels in tiles of 16 x 16 has 390,625 strips or tiles; 2,000 A4 pages at 300 dpi in strips of a row, 7 million.
     */
    static final long MOST_TABLE_ENTRIES = 8_000_000;

    private static final int COMPRESSION = 259;
    private static final int JPEG_TABLES = 347;
    private static final int JPEG_INTERCHANGE_FORMAT = 513;
    private static final int JPEG_INTERCHANGE_LENGTH = 514;
    private static final int OLD_JPEG = 6;
    private static final int JPEG = 7;

    /**
     * Each strip's (or tile's) offset and byte count, from this IFD's entries, must fall inside the file. A JPEG
     * TIFF's strips are each walked as the JDK's JPEG reader reads them (it reads on past a strip's byte count to its
     * image's end, and decodes a frame of several scans whole again after each): each must be one image with a frame
     * that ends within its bytes, its scans times its frame at most {@link ImageCosts#MOST_SCAN_PIXELS}; its shared
     * tables hold no frame and no scan (they go before every strip); an old-style JPEG's (compression 6) whole image,
     * where its tags put it, is walked the same
     * way. Every entry counts, duplicates included: the reader takes the one of the type it expects.
     */
    private static void checkImageData(byte[] bytes, int firstEntry, int entries, boolean little, long[] tableEntries) {
        Geometry geometry = Geometry.of(bytes, firstEntry, entries, little);
        List<long[]> offsets = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        boolean jpeg = false;
        boolean oldJpeg = false;
        long[] interchange = {-1, -1}; // an old-style JPEG's whole image: its offset and length
        for (int i = 0; i < entries; i++) {
            int entry = firstEntry + 12 * i;
            int tag = unsigned16(bytes, entry, little);
            if (tag == STRIP_OFFSETS || tag == TILE_OFFSETS || tag == STRIP_BYTE_COUNTS || tag == TILE_BYTE_COUNTS) {
                geometry.checkTable(
                        unsigned32(bytes, entry + 4, little),
                        tag == STRIP_OFFSETS || tag == TILE_OFFSETS,
                        tableEntries);
                (tag == STRIP_OFFSETS || tag == TILE_OFFSETS ? offsets : counts).add(values(bytes, entry, little));
            } else if (tag == COMPRESSION && isShortOrLong(bytes, entry, little)) {
                long[] compression = values(bytes, entry, little); // the reader ignores one of another type
                oldJpeg |= compression.length > 0 && compression[0] == OLD_JPEG;
                jpeg |= compression.length > 0 && compression[0] == JPEG;
            } else if (tag == JPEG_INTERCHANGE_FORMAT || tag == JPEG_INTERCHANGE_LENGTH) {
                long[] value = isShortOrLong(bytes, entry, little) ? values(bytes, entry, little) : new long[0];
                interchange[tag - JPEG_INTERCHANGE_FORMAT] = value.length > 0 ? value[0] : -1;
            } else if (tag == JPEG_TABLES) {
                long count = unsigned32(bytes, entry + 4, little);
                long at = count <= 4 ? entry + 8 : unsigned32(bytes, entry + 8, little);
                if (at + count > bytes.length) {
                    throw corrupt("its JPEG tables lie outside the file");
                }
                ImageCosts.JpegWalk tables = ImageCosts.walkJpeg(bytes, (int) at, (int) (at + count));
                if (tables.scans() > 0 || tables.framePixels() > 0) {
                    throw corrupt("its shared JPEG tables hold an image");
                }
            }
        }
        JpegStrips strips = new JpegStrips();
        if (oldJpeg && interchange[0] >= 0) {
            // Its reader decodes the image there, whatever the strips hold; without its length, to wherever it ends.
            if (interchange[1] < 0 || interchange[0] + interchange[1] > bytes.length) {
                throw corrupt("its old-style JPEG image has no length within the file");
            }
            strips.check(bytes, (int) interchange[0], (int) (interchange[0] + interchange[1]));
        }
        for (int table = 0; table < Math.min(offsets.size(), counts.size()); table++) {
            long[] starts = offsets.get(table);
            long[] lengths = counts.get(table);
            for (int i = 0; i < Math.min(starts.length, lengths.length); i++) {
                if (starts[i] + lengths[i] > bytes.length) {
                    throw corrupt("its image data claims more bytes than the file holds");
                }
                if (jpeg || (oldJpeg && interchange[0] < 0)) {
                    strips.check(bytes, (int) starts[i], (int) (starts[i] + lengths[i]));
                }
            }
        }
    }

    /**
     * A page's size and layout, from its directory, as far as its tables need: a strip is at least a row and a tile at
     * least 16 x 16 pixels, so no table lists more (a 1 x 1 page of 10 million strips is a lie); and a tile is at most
     * as large as its page, or 4096 x 4096 (writers tile small pages in 256s to 2048s), rounded up to 16: the JDK's reader allocates a whole tile at the size its
     * tags claim, and one of 65520 x 32768 on a 16 x 16 page (a 160-byte file) filled the heap.
     */
    private record Geometry(long width, long height, long planes, long tileWidth, long tileLength) {
        static Geometry of(byte[] bytes, int firstEntry, int entries, boolean little) {
            // Of a tag given twice, the reader takes the last: the checks take the worst (largest tile, smallest page).
            long[] most = new long[TILE_LENGTH + 1];
            long[] least = new long[TILE_LENGTH + 1];
            java.util.Arrays.fill(most, -1);
            java.util.Arrays.fill(least, Long.MAX_VALUE);
            for (int i = 0; i < entries; i++) {
                int entry = firstEntry + 12 * i;
                int tag = unsigned16(bytes, entry, little);
                if (tag < most.length && isShortOrLong(bytes, entry, little)) {
                    long value = unsigned16(bytes, entry + 2, little) == 3
                            ? unsigned16(bytes, entry + 8, little)
                            : unsigned32(bytes, entry + 8, little);
                    most[tag] = Math.max(most[tag], value);
                    least[tag] = Math.min(least[tag], value);
                }
            }
            long planes = most[PLANAR_CONFIGURATION] == 2 ? Math.max(1, most[SAMPLES_PER_PIXEL]) : 1;
            Geometry geometry = new Geometry(
                    Math.max(1, most[IMAGE_WIDTH]),
                    Math.max(1, most[IMAGE_LENGTH]),
                    planes,
                    most[TILE_WIDTH],
                    most[TILE_LENGTH]);
            long width = Math.max(1, Math.min(most[IMAGE_WIDTH], least[IMAGE_WIDTH]));
            long height = Math.max(1, Math.min(most[IMAGE_LENGTH], least[IMAGE_LENGTH]));
            if (geometry.tileWidth() > atMost(width) || geometry.tileLength() > atMost(height)) {
                throw corrupt("its tiles of " + geometry.tileWidth() + "x" + geometry.tileLength()
                        + " pixels are larger than its " + geometry.width() + "x" + geometry.height() + " image");
            }
            return geometry;
        }

        private static long atMost(long side) {
            return (Math.max(side, 4096) + 15) / 16 * 16;
        }

        void checkTable(long listed, boolean offsets, long[] tableEntries) {
            boolean tiled = tileWidth > 0 || tileLength > 0;
            long most = planes * (tiled ? ((width + 15) / 16) * ((height + 15) / 16) : height);
            if (listed > most) {
                throw corrupt("its " + width + "x" + height + " image lists " + listed + " strips or tiles, more than"
                        + " it can have");
            }
            tableEntries[0] += offsets ? listed : 0; // a strip each, its offset and its count
            if (tableEntries[0] > MOST_TABLE_ENTRIES) {
                throw new LimitExceeded(
                        "The TIFF's strip and tile tables list more than " + MOST_TABLE_ENTRIES
                                + " entries, more than this server reads in one file",
                        Map.of("max_table_entries", MOST_TABLE_ENTRIES));
            }
        }
    }

    /**
     * A page's JPEG strips or tiles, each walked once however many entries point at it, their scans times their frames
     * added up for the page: each is decoded whole, and 62,500 tiles of 16 x 16 all pointing at one JPEG of 65500 x 16
     * (a 514 KB file) took 44 s to draw.
     */
    private static final class JpegStrips {
        private final Map<Long, Long> walked = new java.util.HashMap<>();
        private long scanPixels;

        void check(byte[] bytes, int from, int to) {
            long cost = walked.computeIfAbsent((long) from << 32 | to, key -> checkJpegStrip(bytes, from, to));
            scanPixels += cost;
            if (scanPixels > ImageCosts.MOST_SCAN_PIXELS) {
                throw new LimitExceeded(
                        "The JPEG strips or tiles of a page of the TIFF decode more than " + ImageCosts.MOST_SCAN_PIXELS
                                + " pixels together, scan by scan",
                        Map.of("max_scan_pixels", ImageCosts.MOST_SCAN_PIXELS));
            }
        }
    }

    /** The strip's scans times its frame's pixels, after checking that it is one JPEG image within the strip. */
    private static long checkJpegStrip(byte[] bytes, int from, int to) {
        if (to - from < 2 || bytes[from] != (byte) 0xFF || bytes[from + 1] != (byte) 0xD8) {
            throw corrupt("a JPEG strip does not begin a JPEG image");
        }
        ImageCosts.JpegWalk strip = ImageCosts.walkJpeg(bytes, from, to);
        if (!strip.ended() || (strip.scans() > 0 && strip.framePixels() == 0)) {
            throw corrupt("a JPEG strip's image does not end within the strip");
        }
        if (ImageCosts.overScanBudget(strip.scans(), strip.framePixels())) {
            throw new LimitExceeded(
                    "A JPEG strip of the TIFF has " + strip.scans() + " scans of " + strip.framePixels()
                            + " pixels, more scans than this server decodes at that size",
                    Map.of("max_scan_pixels", ImageCosts.MOST_SCAN_PIXELS));
        }
        return strip.scans() * strip.framePixels();
    }

    private static boolean isShortOrLong(byte[] bytes, int entry, boolean little) {
        int type = unsigned16(bytes, entry + 2, little);
        return type == 3 || type == 4;
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
