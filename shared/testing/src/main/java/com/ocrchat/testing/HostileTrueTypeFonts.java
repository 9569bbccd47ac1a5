package com.ocrchat.testing;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * The hostile corpus's TrueType font programs: small embedded fonts whose tables FontBox parses whole when
 * the font is loaded, with counts and offsets that make that parse ask for minutes of work or gigabytes.
 */
final class HostileTrueTypeFonts {
    private HostileTrueTypeFonts() {}

    static List<HostileInputs.Hostile> pdfs() {
        return List.of(
                // Format 12 maps up to a glyph count of codes per 12-byte group: 40,000 groups ask for 2.6 billion.
                new HostileInputs.Hostile(
                        "pdf-truetype-cmap-format-12-of-40000-groups-of-65535-codes",
                        pageInFont(TrueTypeTables.trueType(Map.of("cmap", TrueTypeTables.cmap(12, format12(40_000))))),
                        "font"),
                // Format 4 maps each segment code by code: 32,766 segments of 65,535 codes are 2.1 billion.
                new HostileInputs.Hostile(
                        "pdf-truetype-cmap-format-4-of-32766-segments-of-65535-codes",
                        pageInFont(TrueTypeTables.trueType(
                                Map.of("cmap", TrueTypeTables.cmap(4, TrueTypeTables.format4(32_766))))),
                        "font"),
                // Each cmap subtable FontBox lists fills a table of all the glyphs: 4,000 listings of one subtable.
                new HostileInputs.Hostile(
                        "pdf-truetype-cmap-listing-one-subtable-4000-times",
                        pageInFont(TrueTypeTables.trueType(Map.of("cmap", cmapListedTimes(4000, format12(1))))),
                        "font"),
                // A glyph of 200 glyphs of 200 glyphs of 200 glyphs of 100 points draws 800 million points.
                new HostileInputs.Hostile(
                        "pdf-truetype-glyph-of-200-cubed-components-of-100-points",
                        pageInFont(TrueTypeTables.trueType(compositeGlyphs(3, 200, false))),
                        "glyph"),
                // A glyph made of itself: FontBox follows it as deep as the font's own profile says it may.
                new HostileInputs.Hostile(
                        "pdf-truetype-glyph-made-of-itself",
                        pageInFont(TrueTypeTables.trueType(compositeGlyphs(1, 2, true))),
                        "glyph"),
                // Every name record reads its string: 65,535 records of one 65,535-byte string are 4 GB of text.
                new HostileInputs.Hostile(
                        "pdf-truetype-name-table-of-65535-records-of-one-64-kb-string",
                        pageInFont(TrueTypeTables.trueType(Map.of("name", names(65_535, 65_535)))),
                        null),
                // Every lookup parses each of its subtables and its coverage again: 16,000 x 16,000 coverages.
                new HostileInputs.Hostile(
                        "pdf-truetype-gsub-of-16000-lookups-of-16000-subtables-sharing-a-coverage",
                        pageInFont(TrueTypeTables.trueType(Map.of("GSUB", gsub(16_000, 16_000)))),
                        null));
    }

    /** A page of text in a simple TrueType font embedded as this program. */
    static byte[] pageInFont(byte[] program) {
        String widths = " 500".repeat(126 - 32 + 1);
        return HostileStreams.pageInFont(
                "/Subtype /TrueType /FirstChar 32 /LastChar 126 /Widths [" + widths + " ]",
                "/FontFile2",
                "/Length1 " + program.length,
                program);
    }
    /** A cmap table listing one subtable this many times. */
    static byte[] cmapListedTimes(int times, byte[] subtable) {
        ByteBuffer table = ByteBuffer.allocate(4 + 8 * times + subtable.length)
                .putShort((short) 0)
                .putShort((short) times);
        for (int i = 0; i < times; i++) {
            table.putShort((short) 3).putShort((short) 10).putInt(4 + 8 * times);
        }
        return table.put(subtable).array();
    }

    /**
     * Glyph 0 of 100 points, then glyphs each made of {@code fanOut} copies of the one before (or of itself), mapped
     * from the printable ASCII codes to the last of them.
     */
    static Map<String, byte[]> compositeGlyphs(int levels, int fanOut, boolean itself) {
        byte[][] glyphs = new byte[levels + 1][];
        glyphs[0] = TrueTypeTables.simpleGlyph(100);
        for (int glyph = 1; glyph <= levels; glyph++) {
            int[] parts = new int[fanOut];
            java.util.Arrays.fill(parts, itself ? glyph : glyph - 1);
            glyphs[glyph] = TrueTypeTables.composite(parts);
        }
        return TrueTypeTables.glyphs(glyphs, levels);
    }

    /** Format 12 of this many groups, each of codes 0 to 65,534 from glyph 0. */
    static byte[] format12(int groups) {
        ByteBuffer table = ByteBuffer.allocate(16 + 12 * groups)
                .putShort((short) 12)
                .putShort((short) 0)
                .putInt(16 + 12 * groups)
                .putInt(0)
                .putInt(groups);
        for (int group = 0; group < groups; group++) {
            table.putInt(0).putInt(0xFFFE).putInt(0);
        }
        return table.array();
    }

    /** A name table of this many records that all read the same string of this many bytes. */
    static byte[] names(int records, int stringBytes) {
        int storage = 6 + 12 * records;
        ByteBuffer table = ByteBuffer.allocate(storage + stringBytes)
                .putShort((short) 0)
                .putShort((short) records)
                .putShort((short) 0);
        for (int record = 0; record < records; record++) {
            table.putShort((short) 1)
                    .putShort((short) 0)
                    .putShort((short) 0)
                    .putShort((short) 1)
                    .putShort((short) stringBytes)
                    .putShort((short) 0);
        }
        while (table.hasRemaining()) {
            table.put((byte) 'n');
        }
        return table.array();
    }

    /**
     * A GSUB table whose lookup list names one lookup this many times, and that lookup one single-substitution
     * subtable this many times, whose coverage lists 65,535 glyphs.
     */
    static byte[] gsub(int lookups, int subtables) {
        int scriptList = 10;
        int featureList = scriptList + 2;
        int lookupList = featureList + 2;
        int lookup = 2 + 2 * lookups;
        int subtable = 6 + 2 * subtables;
        ByteBuffer table = ByteBuffer.allocate(lookupList + lookup + subtable + 6 + 4 + 2 * TrueTypeTables.GLYPHS)
                .putInt(0x00010000)
                .putShort((short) scriptList)
                .putShort((short) featureList)
                .putShort((short) lookupList)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) lookups);
        for (int i = 0; i < lookups; i++) {
            table.putShort((short) lookup);
        }
        table.putShort((short) 1).putShort((short) 0).putShort((short) subtables);
        for (int i = 0; i < subtables; i++) {
            table.putShort((short) subtable);
        }
        table.putShort((short) 1)
                .putShort((short) 6)
                .putShort((short) 0) // format 1, coverage, delta
                .putShort((short) 1)
                .putShort((short) TrueTypeTables.GLYPHS);
        for (int glyph = 0; glyph < TrueTypeTables.GLYPHS; glyph++) {
            table.putShort((short) glyph);
        }
        return table.array();
    }
}
