package com.ocrchat.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The hostile corpus's fonts that hide their cost where a check might not look: under another key than their kind's,
 * past the end of the table that points to it, in glyph parts that are empty, or behind an operator that computes the
 * number naming them.
 */
final class HostileFontTricks {
    private HostileFontTricks() {}

    static List<HostileInputs.Hostile> pdfs() {
        return List.of(
                // A composite font's TrueType parser reads its FontFile too: the name bomb there, not in FontFile2.
                new HostileInputs.Hostile(
                        "pdf-cid-truetype-font-with-a-name-table-bomb-as-its-type1-program",
                        HostileStreams.pageInCidFont(
                                "/CIDFontType2",
                                "/FontFile",
                                "",
                                TrueTypeTables.trueType(Map.of("name", HostileTrueTypeFonts.names(65_535, 65_535)))),
                        null),
                // PDFBox hands a FontFile2 that is not TrueType to its CFF parser: a glyph doubling 30 deep there.
                new HostileInputs.Hostile(
                        "pdf-cid-truetype-font-with-a-cff-glyph-bomb-as-its-truetype-program",
                        HostileStreams.pageInCidFont(
                                "/CIDFontType2",
                                "/FontFile2",
                                "",
                                HostilePostScriptFonts.cff(HostilePostScriptFonts.doubling(30, false))),
                        "glyph"),
                // A cmap subtable's offset may point past the cmap, into another table: there, 2.1 billion codes.
                new HostileInputs.Hostile(
                        "pdf-truetype-cmap-subtable-past-its-table-of-32766-segments-of-65535-codes",
                        HostileTrueTypeFonts.pageInFont(cmapPointingPastItself(TrueTypeTables.format4(32_766))),
                        "font"),
                // Each listing of a subtable of one code still makes a map and a table for all 65,535 glyphs.
                new HostileInputs.Hostile(
                        "pdf-truetype-cmap-listing-a-format-6-subtable-of-one-code-4000-times",
                        HostileTrueTypeFonts.pageInFont(TrueTypeTables.trueType(
                                Map.of("cmap", HostileTrueTypeFonts.cmapListedTimes(4000, oneCodeFormat6())))),
                        "font"),
                // FontBox keeps no glyph of a font of 5,000 or more: 256 parts of 256 parts of 256 empty ones.
                new HostileInputs.Hostile(
                        "pdf-truetype-glyph-reading-256-distinct-parts-3-deep",
                        HostileTrueTypeFonts.pageInFont(TrueTypeTables.trueType(glyphs(layeredGlyphs(3, 256)))),
                        "glyph"),
                // FontBox follows a glyph's parts as deep as the font says it may: 60,000.
                new HostileInputs.Hostile(
                        "pdf-truetype-glyph-of-parts-nested-60000-deep",
                        HostileTrueTypeFonts.pageInFont(TrueTypeTables.trueType(glyphs(chainedGlyphs(60_000)))),
                        "glyph"),
                // An accented glyph's parts named by "c 1 div": each glyph draws the next one twice, 24 deep.
                new HostileInputs.Hostile(
                        "pdf-cff-accented-glyphs-named-behind-div-doubling-24-deep",
                        HostilePostScriptFonts.pageInCff(HostilePostScriptFonts.cff(accentsBehindDiv(), new byte[0][])),
                        "glyph"));
    }

    /** A font whose cmap, of one Windows Unicode subtable, points past its own 12 bytes to this subtable. */
    private static byte[] cmapPointingPastItself(byte[] subtable) {
        byte[] placed = TrueTypeTables.trueType(Map.of("cmap", new byte[12], "zzzz", subtable));
        ByteBuffer font = ByteBuffer.wrap(placed);
        int cmap = offset(font, "cmap");
        font.putShort(cmap + 2, (short) 1).putShort(cmap + 4, (short) 3).putShort(cmap + 6, (short) 1);
        font.putInt(cmap + 8, offset(font, "zzzz") - cmap);
        return placed;
    }

    private static int offset(ByteBuffer font, String tag) {
        for (int entry = 12; ; entry += 16) {
            if (new String(font.array(), entry, 4, StandardCharsets.US_ASCII).equals(tag)) {
                return font.getInt(entry + 8);
            }
        }
    }

    private static byte[] oneCodeFormat6() {
        return ByteBuffer.allocate(12)
                .putShort((short) 6)
                .putShort((short) 12)
                .putShort((short) 0)
                .putShort((short) 65)
                .putShort((short) 1)
                .putShort((short) 65_534)
                .array();
    }

    /**
     * Glyph 1 made of glyphs 2 to 1 + fanOut, each of those of the next fanOut, and so on for this many levels above
     * empty glyphs: each a distinct part, so FontBox reads fanOut^levels of them.
     */
    private static byte[][] layeredGlyphs(int levels, int fanOut) {
        byte[][] glyphs = new byte[2 + levels * fanOut][];
        glyphs[0] = new byte[0];
        for (int level = 0; level < levels; level++) {
            int first = level == 0 ? 1 : 2 + (level - 1) * fanOut;
            int count = level == 0 ? 1 : fanOut;
            int[] parts = new int[fanOut];
            for (int i = 0; i < fanOut; i++) {
                parts[i] = 2 + level * fanOut + i;
            }
            for (int glyph = first; glyph < first + count; glyph++) {
                glyphs[glyph] = composite(parts);
            }
        }
        for (int glyph = 2 + (levels - 1) * fanOut; glyph < glyphs.length; glyph++) {
            glyphs[glyph] = new byte[0];
        }
        return glyphs;
    }

    /** Glyph 1 made of glyph 2, made of glyph 3, and so on, the last one empty. */
    private static byte[][] chainedGlyphs(int depth) {
        byte[][] glyphs = new byte[depth + 2][];
        glyphs[0] = new byte[0];
        for (int glyph = 1; glyph <= depth; glyph++) {
            glyphs[glyph] = composite(new int[] {glyph + 1});
        }
        glyphs[depth + 1] = new byte[0];
        return glyphs;
    }

    /** A composite glyph of these parts, each placed at 0,0. */
    private static byte[] composite(int[] parts) {
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

    /** The glyf, loca, head, maxp and cmap of these glyphs (long offsets), the printable codes all mapped to glyph 1. */
    private static Map<String, byte[]> glyphs(byte[][] glyphs) {
        int length = 0;
        for (byte[] glyph : glyphs) {
            length += (glyph.length + 1) & ~1;
        }
        ByteBuffer glyf = ByteBuffer.allocate(Math.max(4, length));
        ByteBuffer loca = ByteBuffer.allocate(4 * (TrueTypeTables.GLYPHS + 1));
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
            format6.putShort((short) 1);
        }
        return Map.of(
                "glyf", glyf.array(),
                "loca", loca.array(),
                "head", TrueTypeTables.head(1),
                "maxp",
                        ByteBuffer.allocate(32)
                                .putInt(0x00010000)
                                .putShort((short) TrueTypeTables.GLYPHS)
                                .position(28)
                                .putShort((short) 256)
                                .putShort((short) -1)
                                .array(),
                "cmap", TrueTypeTables.cmap(6, format6.array()));
    }

    /**
     * Glyphs named by the standard charset, each of codes 33 to 126 an accented glyph whose base is the next code's
     * glyph and whose accent is the same, named by "code 1 div"; the last one draws 100 lines.
     */
    private static byte[][] accentsBehindDiv() {
        byte[][] glyphs = new byte[96][];
        glyphs[0] = new byte[] {14};
        glyphs[1] = new byte[] {14};
        for (int glyph = 2; glyph < 95; glyph++) {
            int next = glyph + 32; // the standard code of the next glyph: glyph 2 is "exclam", code 33
            byte[] code = next <= 107 ? new byte[] {(byte) (next + 139)} : new byte[] {(byte) 247, (byte) (next - 108)};
            ByteBuffer accented = ByteBuffer.allocate(2 + 2 * code.length + 4)
                    .put((byte) 139)
                    .put((byte) 139)
                    .put(code)
                    .put(code); // 0 0 base accent
            glyphs[glyph] = accented.put((byte) 140)
                    .put((byte) 12)
                    .put((byte) 12)
                    .put((byte) 14)
                    .array(); // 1 div endchar
        }
        ByteBuffer lines =
                ByteBuffer.allocate(304).put((byte) 139).put((byte) 139).put((byte) 21); // 0 0 rmoveto
        for (int line = 0; line < 100; line++) {
            lines.put((byte) 149).put((byte) 149).put((byte) 5); // 10 10 rlineto
        }
        glyphs[95] = lines.put((byte) 14).array();
        return glyphs;
    }
}
