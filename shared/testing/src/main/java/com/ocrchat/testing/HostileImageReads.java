package com.ocrchat.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Images whose readers read on past their data, or read the same data again and again: a lossless WebP claiming more
 * pixels than its bytes hold (its decoder takes the end of the file as zero bits), TIFF pages sharing one table or one
 * JPEG, a tile claiming more than its page.
 */
final class HostileImageReads {
    private HostileImageReads() {}

    /** A 16 x 16 lossless bitstream (220 bytes) under a VP8L header claiming 1000 x 1000: 31 s to decode nothing. */
    private static final String LOSSLESS_WEBP_CLAIMING_1000_SQUARE =
            "UklGRtQAAABXRUJQVlA4TMcAAAAv58P5ECeiqJEk5XrnGF/n3yqZ"
                    + "iJj/dHGN4CYw4uGLdzLIwRFcgysw6LB4FY54UTXBCAwCT5KgarBVGRzWtm1GL07Gdjy27Xf7rymuIaL/SdH9j5D3ukRJJBs6JZE08xRtDsfT"
                    + "5RYg9AsUvpDhg7caMp42gn8dKX5Odgj7iJ6zke+Zc0boMoLb+MxIsvdFMH0g/TYXjCEyVi2l1msjvF3jpVkV1ZyBpNlulnWKGDEPiqosUDT6"
                    + "MILfumtQUim1Lc/pVBQKAQAAAA==";

    static List<HostileInputs.Hostile> images() {
        return List.of(
                new HostileInputs.Hostile(
                        "webp-lossless-220-bytes-claiming-1000x1000",
                        Base64.getDecoder().decode(LOSSLESS_WEBP_CLAIMING_1000_SQUARE),
                        "past its end"),
                // 1 x 1 pages whose strip tables list a million strips (4 MB), read by us and by the JDK's reader.
                new HostileInputs.Hostile(
                        "tiff-1x1-pages-sharing-a-table-of-a-million-strips",
                        sharedTable(2, 1_000_000),
                        "more than it can have"),
                // A 16 x 16 deflated page in one tile of 65520 x 32768 (2 GB, allocated whole): out of memory.
                new HostileInputs.Hostile(
                        "tiff-16x16-page-in-a-tile-of-65520x32768",
                        HostileImages.tiffOfEntries(
                                new int[][] {
                                    {256, 3, 16},
                                    {257, 3, 16},
                                    {258, 3, 8},
                                    {259, 3, 8},
                                    {262, 3, 1},
                                    {322, 4, 65_520},
                                    {323, 4, 32_768},
                                    {324, 4, 200},
                                    {325, 4, 10}
                                },
                                210),
                        "larger than its"),
                // The same, its tile's size given twice, 16 first: the reader takes the last.
                new HostileInputs.Hostile(
                        "tiff-16x16-page-in-a-tile-given-twice",
                        HostileImages.tiffOfEntries(
                                new int[][] {
                                    {256, 3, 16},
                                    {257, 3, 16},
                                    {258, 3, 8},
                                    {259, 3, 8},
                                    {262, 3, 1},
                                    {322, 4, 16},
                                    {322, 4, 65_520},
                                    {323, 4, 16},
                                    {323, 4, 32_768},
                                    {324, 4, 230},
                                    {325, 4, 10}
                                },
                                240),
                        "larger than its"),
                // 62,500 tiles of 16 x 16, all pointing at one JPEG of 65500 x 16 rows: 44 s to draw.
                new HostileInputs.Hostile(
                        "tiff-62500-tiles-all-one-wide-jpeg", tilesOfOneJpeg(4000, wideJpeg()), "decode more than"));
    }

    /** Little-endian TIFF of {@code pages} 1 x 1 grey pages, their strip offsets and counts all one table of zeros. */
    private static byte[] sharedTable(int pages, int strips) {
        int ifd = 2 + 12 * 7 + 4;
        int table = 8 + pages * ifd;
        ByteBuffer b = ByteBuffer.allocate(table + 4 * strips).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'I', 'I'}).putShort((short) 42).putInt(8);
        for (int page = 0; page < pages; page++) {
            b.putShort((short) 7);
            entry(b, 256, 4, 1, 1);
            entry(b, 257, 4, 1, 1);
            entry(b, 258, 3, 1, 8);
            entry(b, 259, 3, 1, 1);
            entry(b, 262, 3, 1, 1);
            entry(b, 273, 4, strips, table);
            entry(b, 279, 4, strips, table);
            b.putInt(page + 1 < pages ? 8 + (page + 1) * ifd : 0);
        }
        return b.array();
    }

    private static byte[] tilesOfOneJpeg(int side, byte[] jpeg) {
        int tiles = (side / 16) * (side / 16);
        int entries = 9;
        int offsets = 8 + 2 + 12 * entries + 4;
        int counts = offsets + 4 * tiles;
        int data = counts + 4 * tiles;
        ByteBuffer b = ByteBuffer.allocate(data + jpeg.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'I', 'I'}).putShort((short) 42).putInt(8).putShort((short) entries);
        entry(b, 256, 4, 1, side);
        entry(b, 257, 4, 1, side);
        entry(b, 258, 3, 1, 8);
        entry(b, 259, 3, 1, 7);
        entry(b, 262, 3, 1, 1);
        entry(b, 322, 3, 1, 16);
        entry(b, 323, 3, 1, 16);
        entry(b, 324, 4, tiles, offsets);
        entry(b, 325, 4, tiles, counts);
        b.putInt(0);
        for (int i = 0; i < tiles; i++) {
            b.putInt(data);
        }
        for (int i = 0; i < tiles; i++) {
            b.putInt(jpeg.length);
        }
        return b.put(jpeg).array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    private static byte[] wideJpeg() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(65_500, 16, BufferedImage.TYPE_BYTE_GRAY), "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
