package com.ocrchat.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/** The hostile corpus's TIFFs and other images: IFD loops, size lies, pixel and inflation bombs, truncations. */
final class HostileImages {
    private HostileImages() {}

    // ---- TIFF -------------------------------------------------------------------------------------------

    static List<HostileInputs.Hostile> tiffs() {
        byte[] twoPages =
                TestDocuments.multiPageTiff(List.of(HostileInputs.blank(120, 80), HostileInputs.blank(120, 80)));
        return List.of(
                new HostileInputs.Hostile("tiff-26-byte-ifd-loop", loopingTiff(ByteOrder.LITTLE_ENDIAN), "loops back"),
                new HostileInputs.Hostile("tiff-ifd-loop-big-endian", loopingTiff(ByteOrder.BIG_ENDIAN), "loops back"),
                new HostileInputs.Hostile("tiff-two-ifds-pointing-at-each-other", twoIfdLoop(), "loops back"),
                new HostileInputs.Hostile(
                        "tiff-ifd-outside-file", tiffHeader(ByteOrder.LITTLE_ENDIAN, 1_000_000), "outside the file"),
                new HostileInputs.Hostile("tiff-ifd-entry-count-past-end", entryCountPastEnd(), "past the end"),
                new HostileInputs.Hostile(
                        "tiff-strip-claims-2gb", stripByteCountLie(), "more bytes than the file holds"),
                new HostileInputs.Hostile(
                        "tiff-page-2-claims-60000x60000",
                        withPageSize(twoPages, 1, 60000, 60000),
                        "more than this server accepts"),
                new HostileInputs.Hostile("tiff-2001-pages", manyPageTiff(2001), "more than 2000 pages"),
                new HostileInputs.Hostile("tiff-truncated-half", Arrays.copyOf(twoPages, twoPages.length / 2), null),
                new HostileInputs.Hostile("tiff-header-only", tiffHeader(ByteOrder.LITTLE_ENDIAN, 0), "no image"));
    }

    /** The 26-byte file of the report: one IFD of one entry whose next-IFD offset is itself. */
    private static byte[] loopingTiff(ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(26).order(order);
        b.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        b.putShort((short) 42).putInt(8);
        b.putShort((short) 1); // one entry
        b.putShort((short) 256)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) 1)
                .putShort((short) 0); // width 1
        b.putInt(8); // next IFD: this one
        return b.array();
    }

    private static byte[] twoIfdLoop() {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'I', 'I'}).putShort((short) 42).putInt(8);
        b.putShort((short) 1)
                .putShort((short) 256)
                .putShort((short) 3)
                .putInt(1)
                .putInt(1)
                .putInt(26);
        b.putShort((short) 1)
                .putShort((short) 257)
                .putShort((short) 3)
                .putInt(1)
                .putInt(1)
                .putInt(8);
        return b.array();
    }

    private static byte[] tiffHeader(ByteOrder order, int firstIfd) {
        ByteBuffer b = ByteBuffer.allocate(8).order(order);
        b.put(new byte[] {'I', 'I'}).putShort((short) 42).putInt(firstIfd);
        return b.array();
    }

    private static byte[] entryCountPastEnd() {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'I', 'I'}).putShort((short) 42).putInt(8).putShort((short) 0xFFFF);
        return b.array();
    }

    /** A 1x1 LZW strip that says it is 2 GB long: the JDK's reader would allocate that before reading. */
    private static byte[] stripByteCountLie() {
        int[][] entries = {
            {256, 4, 1},
            {257, 4, 1},
            {258, 3, 8},
            {259, 3, 5},
            {262, 3, 1},
            {273, 4, 200},
            {277, 3, 1},
            {278, 4, 1},
            {279, 4, 2_000_000_000}
        };
        return tiffOfEntries(entries, 210);
    }

    /** A little-endian TIFF of one IFD of these {tag, type, value} entries, in a file of {@code length} bytes. */
    static byte[] tiffOfEntries(int[][] entries, int length) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'I', 'I'}).putShort((short) 42).putInt(8).putShort((short) entries.length);
        for (int[] entry : entries) {
            b.putShort((short) entry[0]).putShort((short) entry[1]).putInt(1);
            if (entry[1] == 3) {
                b.putShort((short) entry[2]).putShort((short) 0);
            } else {
                b.putInt(entry[2]);
            }
        }
        b.putInt(0);
        return b.array();
    }

    /** A chain of {@code pages} tiny 1x1 images, each IFD pointing at the next: a few bytes per page. */
    private static byte[] manyPageTiff(int pages) {
        int entries = 8;
        int ifdSize = 2 + 12 * entries + 4;
        ByteBuffer b = ByteBuffer.allocate(8 + pages * ifdSize + 1).order(ByteOrder.LITTLE_ENDIAN);
        int pixel = 8 + pages * ifdSize;
        b.put(new byte[] {'I', 'I'}).putShort((short) 42).putInt(8);
        for (int page = 0; page < pages; page++) {
            b.putShort((short) entries);
            int[][] fields = {{256, 1}, {257, 1}, {258, 8}, {259, 1}, {262, 1}, {273, pixel}, {278, 1}, {279, 1}};
            for (int[] field : fields) {
                b.putShort((short) field[0]).putShort((short) 4).putInt(1).putInt(field[1]);
            }
            b.putInt(page + 1 < pages ? 8 + (page + 1) * ifdSize : 0);
        }
        return b.array();
    }

    /** The TIFF with IFD number {@code page}'s width and height entries set to these values. */
    private static byte[] withPageSize(byte[] tiff, int page, int width, int height) {
        byte[] copy = tiff.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(copy[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        for (int i = 0; i < page; i++) {
            ifd = b.getInt(ifd + 2 + 12 * Short.toUnsignedInt(b.getShort(ifd)));
        }
        int entries = Short.toUnsignedInt(b.getShort(ifd));
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            int tag = Short.toUnsignedInt(b.getShort(entry));
            if (tag == 256 || tag == 257) {
                int value = tag == 256 ? width : height;
                if (b.getShort(entry + 2) == 3) {
                    b.putShort(entry + 8, (short) value);
                } else {
                    b.putInt(entry + 8, value);
                }
            }
        }
        return copy;
    }

    // ---- PNG, JPEG, GIF, BMP, WEBP ------------------------------------------------------------------------

    static List<HostileInputs.Hostile> images() {
        byte[] png = TestDocuments.png(HostileInputs.blank(300, 200));
        byte[] jpeg = TestDocuments.encode(HostileInputs.rgb(HostileInputs.blank(300, 200)), "jpg");
        return List.of(
                new HostileInputs.Hostile(
                        "png-claims-100000x100000",
                        png(100_000, 100_000, new byte[0]),
                        "more than this server accepts"),
                new HostileInputs.Hostile(
                        "png-claims-70000x70000-grey",
                        png(70_000, 70_000, new byte[0]),
                        "more than this server accepts"),
                new HostileInputs.Hostile(
                        "png-inflates-to-25mb-of-white", png(5000, 5000, whiteRows(5000, 5000)), null),
                // Within the pixel budget, but wider than Tesseract reads (40,000: the job failed with a 500) or than
                // its image library takes (2,000,000: it crashed the JVM).
                new HostileInputs.Hostile(
                        "png-40000-wide-40-high", png(40_000, 40, whiteRows(40_000, 40)), "on a side"),
                new HostileInputs.Hostile(
                        "png-2000000-wide-1-high", png(2_000_000, 1, whiteRows(2_000_000, 1)), "on a side"),
                new HostileInputs.Hostile("png-signature-only", Arrays.copyOf(png, 8), "corrupt or truncated"),
                new HostileInputs.Hostile("png-truncated-after-header", Arrays.copyOf(png, 40), "corrupt or truncated"),
                new HostileInputs.Hostile("png-truncated-half", Arrays.copyOf(png, png.length / 2), null),
                new HostileInputs.Hostile("jpeg-claims-65500x65500", jpegHeader(65_500, 65_500), "cannot be read"),
                new HostileInputs.Hostile("jpeg-truncated-half", Arrays.copyOf(jpeg, jpeg.length / 2), null),
                new HostileInputs.Hostile(
                        "jpeg-soi-only", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "corrupt or truncated"),
                new HostileInputs.Hostile(
                        "gif-frame-claims-65535x65535", gif(65_535, 65_535), "more than this server accepts"),
                new HostileInputs.Hostile(
                        "gif-header-only", "GIF89a".getBytes(StandardCharsets.US_ASCII), "corrupt or truncated"),
                new HostileInputs.Hostile("bmp-claims-100000x100000", bmp(100_000, 100_000), "cannot be read"),
                new HostileInputs.Hostile("bmp-zero-bit-depth", bmpZeroDepth(), null),
                new HostileInputs.Hostile("webp-canvas-16384x16384", webpCanvas(16_384, 16_384), null),
                new HostileInputs.Hostile(
                        "webp-riff-truncated", "RIFF\u0010\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), null));
    }

    private static byte[] png(int width, int height, byte[] rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height);
        header.put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit grey
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", RawPdf.deflate(rows));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] whiteRows(int width, int height) {
        byte[] rows = new byte[(width + 1) * height];
        for (int row = 0; row < height; row++) {
            Arrays.fill(rows, row * (width + 1) + 1, (row + 1) * (width + 1), (byte) 0xFF); // filter byte 0, then white
        }
        return rows;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** SOI and a baseline frame header of these dimensions, and nothing to decode. */
    private static byte[] jpegHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(2 + 2 + 17 + 2);
        b.put((byte) 0xFF)
                .put((byte) 0xD8)
                .put((byte) 0xFF)
                .put((byte) 0xC0)
                .putShort((short) 17)
                .put((byte) 8);
        b.putShort((short) height).putShort((short) width).put((byte) 3);
        for (int component = 1; component <= 3; component++) {
            b.put((byte) component).put((byte) 0x11).put((byte) 0);
        }
        b.put((byte) 0xFF).put((byte) 0xD9);
        return b.array();
    }

    private static byte[] gif(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(6 + 7 + 10 + 4 + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) 1).putShort((short) 1);
        b.put((byte) 0).put((byte) 0).put((byte) 0); // no global colour table
        b.put((byte) 0x2C)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) width)
                .putShort((short) height);
        b.put((byte) 0)
                .put((byte) 2)
                .put((byte) 1)
                .put((byte) 0x44)
                .put((byte) 0)
                .put((byte) 0x3B);
        return b.array();
    }

    private static byte[] bmp(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(54 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(58).putInt(0).putInt(54);
        b.putInt(40)
                .putInt(width)
                .putInt(height)
                .putShort((short) 1)
                .putShort((short) 24)
                .putInt(0)
                .putInt(4);
        b.putInt(2835).putInt(2835).putInt(0).putInt(0);
        return b.array();
    }

    private static byte[] bmpZeroDepth() {
        byte[] bmp = bmp(10, 10);
        bmp[28] = 0;
        return bmp;
    }

    private static byte[] webpCanvas(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        b.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).putInt(0);
        putUnsigned24(b, width - 1);
        putUnsigned24(b, height - 1);
        return b.array();
    }

    private static void putUnsigned24(ByteBuffer b, int value) {
        b.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }
}
