package com.ocrchat.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The hostile corpus's fonts whose cost multiplies where a count of their parts alone would pass them: numbers FontBox
 * reads again for each dictionary or glyph naming them, and parts whose nesting multiplies their points.
 */
final class HostileFontMultipliers {
    private HostileFontMultipliers() {}

    static List<HostileInputs.Hostile> pdfs() {
        return List.of(
                // FontBox takes an offset's int part even from a real: 65,535 dictionaries naming 64 KB of subroutines.
                new HostileInputs.Hostile(
                        "pdf-cff-65535-font-dictionaries-naming-their-private-dictionary-in-reals",
                        HostilePostScriptFonts.pageInCidCff(HostilePostScriptFonts.cidCff(
                                65_535, at -> realsPrivate(6, at), subroutinesAfterPrivate())),
                        "subroutines"),
                // FontBox makes lists of a private dictionary's numbers for each dictionary naming it: 64 KB of them.
                new HostileInputs.Hostile(
                        "pdf-cff-65535-font-dictionaries-sharing-a-private-dictionary-of-65535-blue-values",
                        HostilePostScriptFonts.pageInCidCff(HostilePostScriptFonts.cidCff(
                                65_535,
                                at -> ByteBuffer.allocate(11)
                                        .put((byte) 29)
                                        .putInt(65_536)
                                        .put((byte) 29)
                                        .putInt(at)
                                        .put((byte) 18)
                                        .array(),
                                blueValues(65_535))),
                        "copies"),
                // A chain of parts numbered leaf first is met one level at a time: 41 deep, each point 2^42 lookups.
                new HostileInputs.Hostile(
                        "pdf-truetype-glyph-of-parts-nested-41-deep-numbered-leaf-first",
                        HostileTrueTypeFonts.pageInFont(
                                TrueTypeTables.trueType(TrueTypeTables.glyphs(leafFirstChain(41, 1), 42))),
                        "glyph"),
                // Within the nesting budget, points still multiply: 2,000 points 16 deep are 2^28 lookups.
                new HostileInputs.Hostile(
                        "pdf-truetype-glyph-of-2000-points-nested-16-deep",
                        HostileTrueTypeFonts.pageInFont(
                                TrueTypeTables.trueType(TrueTypeTables.glyphs(leafFirstChain(16, 2000), 17))),
                        "glyph"),
                // A Type 3 glyph of 64 KB of numbers, no operator, shown 100,000 times: PDFBox parses it each time.
                new HostileInputs.Hostile(
                        "pdf-type3-glyph-of-64-kb-of-numbers-shown-100000-times",
                        type3GlyphOfNumbers(65_536, 100_000),
                        "operators"));
    }

    /** A font dictionary naming a private dictionary of this size at this offset, both as reals of ten digits. */
    private static byte[] realsPrivate(int size, int at) {
        ByteBuffer dictionary = ByteBuffer.allocate(15);
        for (int value : new int[] {size, at}) {
            String digits = String.format("%010d", value);
            dictionary.put((byte) 30);
            for (int i = 0; i < 10; i += 2) {
                dictionary.put((byte) ((digits.charAt(i) - '0') << 4 | (digits.charAt(i + 1) - '0')));
            }
            dictionary.put((byte) 0xFF);
        }
        return dictionary.put((byte) 18).array();
    }
    /** A private dictionary of 6 bytes naming the 64 KB of subroutines after it. */
    private static byte[] subroutinesAfterPrivate() {
        byte[] whole = HostilePostScriptFonts.cidCffSharingSubroutines(1, 65_536);
        byte[] tail = new byte[6 + 3 + 8 + 65_536];
        System.arraycopy(whole, whole.length - tail.length, tail, 0, tail.length);
        return tail;
    }
    /** A private dictionary of this many numbers (1) as its blue values. */
    private static byte[] blueValues(int numbers) {
        byte[] dictionary = new byte[numbers + 1];
        Arrays.fill(dictionary, (byte) 140);
        dictionary[numbers] = 6;
        return dictionary;
    }
    /** Glyph 1 a simple glyph of these points, each glyph after it made of the one before, this many deep. */
    private static byte[][] leafFirstChain(int depth, int points) {
        byte[][] glyphs = new byte[depth + 2][];
        glyphs[0] = new byte[0];
        glyphs[1] = TrueTypeTables.simpleGlyph(points);
        for (int glyph = 2; glyph <= depth + 1; glyph++) {
            glyphs[glyph] = TrueTypeTables.composite(new int[] {glyph - 1});
        }
        return glyphs;
    }
    /** A page showing one code this many times in a Type 3 font whose glyph is a procedure of this many bytes of numbers. */
    private static byte[] type3GlyphOfNumbers(int bytes, int shown) {
        byte[] text = ("BT /F1 12 Tf 72 720 Td (" + "a".repeat(shown) + ") Tj ET").getBytes(StandardCharsets.US_ASCII);
        return HostileStreams.page("", text, "/Font << /F1 5 0 R >>")
                .object("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0]"
                        + " /CharProcs << /a 6 0 R >> /Encoding << /Differences [97 /a] >> /FirstChar 97 /LastChar 97"
                        + " /Widths [500] >>")
                .stream("", "0 ".repeat(bytes / 2).getBytes(StandardCharsets.US_ASCII), false)
                .bytes();
    }
}
