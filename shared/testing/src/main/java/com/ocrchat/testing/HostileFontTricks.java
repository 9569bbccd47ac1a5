package com.ocrchat.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
                        HostileTrueTypeFonts.pageInFont(
                                TrueTypeTables.trueType(TrueTypeTables.glyphs(layeredGlyphs(3, 256), 1))),
                        "glyph"),
                // FontBox follows a glyph's parts as deep as the font says it may: 60,000.
                new HostileInputs.Hostile(
                        "pdf-truetype-glyph-of-parts-nested-60000-deep",
                        HostileTrueTypeFonts.pageInFont(
                                TrueTypeTables.trueType(TrueTypeTables.glyphs(chainedGlyphs(60_000), 1))),
                        "glyph"),
                // FontBox keeps the first of two tables of one tag when the second is empty: a GSUB bomb there.
                new HostileInputs.Hostile(
                        "pdf-truetype-gsub-of-16000-lookups-listed-again-empty",
                        HostileTrueTypeFonts.pageInFont(gsubListedAgainEmpty()),
                        null),
                // FontBox reads a glyph whose next offset is before its own: 200 cubed parts of 100 points there.
                new HostileInputs.Hostile(
                        "pdf-truetype-glyph-of-200-cubed-parts-ending-before-it-starts",
                        HostileTrueTypeFonts.pageInFont(TrueTypeTables.trueType(endingBeforeStarting())),
                        "glyph"),
                // FontBox reads a part as often as it is placed: 255 placements of one part, four deep.
                new HostileInputs.Hostile(
                        "pdf-truetype-glyph-placing-one-part-255-times-4-deep",
                        HostileTrueTypeFonts.pageInFont(
                                TrueTypeTables.trueType(TrueTypeTables.glyphs(placedGlyphs(4, 255), 1))),
                        "glyph"),
                // FontBox makes each charstring as much longer than its cipher as a negative lead says: 500 MB.
                new HostileInputs.Hostile(
                        "pdf-type1-charstring-lead-of-minus-500-million",
                        HostilePostScriptFonts.pageInType1(HostilePostScriptFonts.type1(
                                "", "-500000000", "8", HostilePostScriptFonts.type1Doubling(8, false))),
                        "lenIV"),
                // FontBox reads an entry that starts in a private dictionary to its end: sizes of 1 hide nothing.
                new HostileInputs.Hostile(
                        "pdf-cff-65535-font-dictionaries-of-1-byte-private-dictionaries-sharing-64-kb-of-subroutines",
                        HostilePostScriptFonts.pageInCidCff(
                                HostilePostScriptFonts.cidCffSharingSubroutines(65_535, 65_536, 1)),
                        "subroutines"),
                // A composite font's TrueType parser reads an OpenType FontFile through its CFF parser.
                new HostileInputs.Hostile(
                        "pdf-cid-truetype-font-with-an-opentype-cff-glyph-bomb-as-its-type1-program",
                        HostileStreams.pageInCidFont(
                                "/CIDFontType2",
                                "/FontFile",
                                "",
                                openType(HostilePostScriptFonts.cff(HostilePostScriptFonts.doubling(30, false)))),
                        "glyph"),
                // FontBox's Type 1 parser follows a value wrapped in "systemdict ... ifelse" into itself: 100,000 deep.
                new HostileInputs.Hostile(
                        "pdf-type1-font-value-wrapped-100000-deep",
                        HostilePostScriptFonts.pageInType1(HostilePostScriptFonts.type1(
                                "/X 1" + " systemdict/internaldict known{}{}ifelse{pop 1".repeat(100_000)
                                        + " } if".repeat(100_000) + " def\n",
                                "4",
                                "1",
                                HostilePostScriptFonts.type1Doubling(1, false))),
                        "nests"),
                // An accented glyph's parts named by "c 1 div": each glyph draws the next one twice, 24 deep.
                new HostileInputs.Hostile(
                        "pdf-cff-accented-glyphs-named-behind-div-doubling-24-deep",
                        HostilePostScriptFonts.pageInCff(HostilePostScriptFonts.cff(accentsBehindDiv(), new byte[0][])),
                        "glyph"));
    }

    /** A font whose GSUB shares one subtable 16,000 x 16,000 times, then lists a GSUB again, empty. */
    private static byte[] gsubListedAgainEmpty() {
        byte[] placed =
                TrueTypeTables.trueType(Map.of("GSUB", HostileTrueTypeFonts.gsub(16_000, 16_000), "GSUC", new byte[0]));
        for (int entry = 12; ; entry += 16) {
            if (new String(placed, entry, 4, StandardCharsets.US_ASCII).equals("GSUC")) {
                placed[entry + 3] = 'B';
                return placed;
            }
        }
    }

    /** The glyphs of 200 cubed parts, the top one's next offset set to 0, before its own. */
    private static Map<String, byte[]> endingBeforeStarting() {
        Map<String, byte[]> tables = HostileTrueTypeFonts.compositeGlyphs(3, 200, false);
        ByteBuffer.wrap(tables.get("loca")).putInt(4 * 4, 0);
        return tables;
    }

    /** An OpenType font (OTTO) of this CFF table and the tables FontBox requires. */
    private static byte[] openType(byte[] cff) {
        byte[] font = TrueTypeTables.trueType(Map.of("CFF ", cff));
        ByteBuffer.wrap(font).putInt(0, 0x4F54544F);
        return font;
    }

    /** Glyph 1 placing glyph 2 fanOut times, glyph 2 placing glyph 3 so, and so on, the last one empty. */
    private static byte[][] placedGlyphs(int levels, int fanOut) {
        byte[][] glyphs = new byte[levels + 2][];
        glyphs[0] = new byte[0];
        for (int glyph = 1; glyph <= levels; glyph++) {
            int[] parts = new int[fanOut];
            Arrays.fill(parts, glyph + 1);
            glyphs[glyph] = TrueTypeTables.composite(parts);
        }
        glyphs[levels + 1] = new byte[0];
        return glyphs;
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
                glyphs[glyph] = TrueTypeTables.composite(parts);
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
            glyphs[glyph] = TrueTypeTables.composite(new int[] {glyph + 1});
        }
        glyphs[depth + 1] = new byte[0];
        return glyphs;
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
