package com.ocrchat.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** A minimal TrueType font, table by table, for the hostile corpus to replace or add tables to. */
final class TrueTypeTables {
    private TrueTypeTables() {}

    /** Glyphs of every font made here: the most a font may have. */
    static final int GLYPHS = 65535;

    /** A TrueType font of 65,535 empty glyphs with these tables added to (or replacing) the required ones. */
    static byte[] trueType(Map<String, byte[]> extra) {
        Map<String, byte[]> tables = new TreeMap<>();
        tables.put("head", head(0));
        tables.put(
                "hhea",
                ByteBuffer.allocate(36)
                        .putInt(0x00010000)
                        .putShort((short) 800)
                        .putShort((short) -200)
                        .putShort((short) 0)
                        .putShort((short) 500)
                        .position(34)
                        .putShort((short) 1)
                        .array());
        tables.put(
                "maxp",
                ByteBuffer.allocate(6)
                        .putInt(0x00005000)
                        .putShort((short) GLYPHS)
                        .array());
        tables.put(
                "hmtx",
                ByteBuffer.allocate(4 + 2 * (GLYPHS - 1)).putShort((short) 500).array());
        tables.put("loca", new byte[2 * (GLYPHS + 1)]);
        tables.put("glyf", new byte[4]);
        tables.put("cmap", cmap(4, format4(0)));
        tables.putAll(extra);
        int offset = 12 + 16 * tables.size();
        int length = offset;
        for (byte[] table : tables.values()) {
            length += (table.length + 3) & ~3;
        }
        ByteBuffer font = ByteBuffer.allocate(length)
                .putInt(0x00010000)
                .putShort((short) tables.size())
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0);
        for (Map.Entry<String, byte[]> table : tables.entrySet()) {
            font.put(table.getKey().getBytes(StandardCharsets.US_ASCII))
                    .putInt(0)
                    .putInt(offset)
                    .putInt(table.getValue().length);
            offset += (table.getValue().length + 3) & ~3;
        }
        for (byte[] table : tables.values()) {
            font.put(table).position((font.position() + 3) & ~3);
        }
        return font.array();
    }
    /** A font header: units of 1000, glyph offsets short (0) or long (1). */
    static byte[] head(int glyphOffsets) {
        return ByteBuffer.allocate(54)
                .putInt(0x00010000)
                .putInt(0)
                .putInt(0)
                .putInt(0x5F0F3CF5)
                .putShort((short) 0)
                .putShort((short) 1000)
                .putLong(0)
                .putLong(0)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 1000)
                .putShort((short) 1000)
                .putShort((short) 0)
                .putShort((short) 8)
                .putShort((short) 2)
                .putShort((short) glyphOffsets)
                .putShort((short) 0)
                .array();
    }
    /** A cmap table of one Windows Unicode subtable of this format. */
    static byte[] cmap(int format, byte[] subtable) {
        return ByteBuffer.allocate(12 + subtable.length)
                .putShort((short) 0)
                .putShort((short) 1)
                .putShort((short) 3)
                .putShort((short) (format == 12 ? 10 : 1))
                .putInt(12)
                .put(subtable)
                .array();
    }

    /** Format 4 of this many segments of codes 0 to 65,534 (a delta, no glyph array), and the closing one. */
    static byte[] format4(int segments) {
        int count = segments + 1;
        ByteBuffer table = ByteBuffer.allocate(16 + 8 * count)
                .putShort((short) 4)
                .putShort((short) (16 + 8 * count))
                .putShort((short) 0)
                .putShort((short) (2 * count))
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0);
        for (int segment = 0; segment < segments; segment++) {
            table.putShort((short) 0xFFFE); // end codes
        }
        table.putShort((short) 0xFFFF).putShort((short) 0);
        for (int segment = 0; segment < segments; segment++) {
            table.putShort((short) 0); // start codes
        }
        table.putShort((short) 0xFFFF);
        // deltas and range offsets: all zero
        return table.array();
    }

    /** The glyf, loca, head, maxp and cmap of these glyphs (long offsets), the printable codes all mapped to one. */
    static Map<String, byte[]> glyphs(byte[][] glyphs, int shown) {
        int length = 0;
        for (byte[] glyph : glyphs) {
            length += (glyph.length + 1) & ~1;
        }
        ByteBuffer glyf = ByteBuffer.allocate(Math.max(4, length));
        ByteBuffer loca = ByteBuffer.allocate(4 * (GLYPHS + 1));
        for (byte[] glyph : glyphs) {
            loca.putInt(glyf.position());
            glyf.put(glyph).position((glyf.position() + 1) & ~1);
        }
        while (loca.hasRemaining()) {
            loca.putInt(glyf.position());
        }
        ByteBuffer format6 = ByteBuffer.allocate(10 + 2 * 95)
                .putShort((short) 6)
                .putShort((short) (10 + 2 * 95))
                .putShort((short) 0)
                .putShort((short) 32)
                .putShort((short) 95);
        while (format6.hasRemaining()) {
            format6.putShort((short) shown);
        }
        return Map.of(
                "glyf", glyf.array(),
                "loca", loca.array(),
                "head", head(1),
                "maxp",
                        ByteBuffer.allocate(32)
                                .putInt(0x00010000)
                                .putShort((short) GLYPHS)
                                .position(28)
                                .putShort((short) 256)
                                .putShort((short) -1)
                                .array(),
                "cmap", cmap(6, format6.array()));
    }

    /** A composite glyph of these parts, each placed at 0,0. */
    static byte[] composite(int[] parts) {
        ByteBuffer glyph =
                ByteBuffer.allocate(10 + 6 * parts.length).putShort((short) -1).putLong(0);
        for (int i = 0; i < parts.length; i++) {
            int flags = 0x2 | (i < parts.length - 1 ? 0x20 : 0); // offsets as x and y, more parts to come
            glyph.putShort((short) flags)
                    .putShort((short) parts[i])
                    .put((byte) 0)
                    .put((byte) 0);
        }
        return glyph.array();
    }

    /** A simple glyph of one contour of this many points, all on the curve where the one before was. */
    static byte[] simpleGlyph(int points) {
        ByteBuffer glyph = ByteBuffer.allocate(14 + points)
                .putShort((short) 1)
                .putLong(0)
                .putShort((short) (points - 1))
                .putShort((short) 0);
        while (glyph.hasRemaining()) {
            glyph.put((byte) 0x31); // on the curve, x and y as before
        }
        return glyph.array();
    }
}
