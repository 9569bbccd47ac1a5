package com.ocrchat.ocr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.cff.CFFFont;
import org.apache.fontbox.cff.CFFParser;

/**
 * A font program as FontBox's CFF parser reads it (a Type 1 or CID font's FontFile3; a composite font's FontFile2,
 * which PDFBox hands to it when its first bytes are not TrueType's; an OpenType font's CFF table), checked before
 * FontBox loads it or draws from it. FontBox copies the subroutines of each font dictionary as it parses the
 * font, however many dictionaries name the same ones, and it expands a glyph's subroutine calls as it draws it, with
 * no limit on their depth or number: one subroutine calling itself ran a thread out of stack from 1 KB, and thirty
 * calling the next twice filled a 2 GB heap in ten seconds. So the bytes its parse copies are counted from the font's
 * own dictionaries first, then every glyph is expanded as FontBox's Type 2 parser expands it, on budgets.
 */
final class CffPrograms {
    /**
     * Bytes FontBox copies parsing the fonts of a program (its glyphs and every font dictionary's subroutines) beyond
     * the program's own size: a whole CJK font copies about its size once.
     */
    static final long MOST_COPIED_BYTES = 32L * 1024 * 1024;

    /** Why this CFF program asks FontBox for too much, or null (also when FontBox cannot read it: it drops it then). */
    static String overBudget(byte[] program) {
        for (ByteBuffer cff : cffs(ByteBuffer.wrap(program))) {
            String why = overBudget(cff);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private static String overBudget(ByteBuffer cff) {
        Copies copies = new Copies();
        try {
            copies.read(cff);
        } catch (RuntimeException unreadable) {
            // FontBox fails on the same structure, after copying what was counted
        }
        if (copies.lookups > GlyphExpansions.MOST_STEPS) {
            return "an embedded font in it looks its glyphs up in more than " + GlyphExpansions.MOST_STEPS + " steps";
        }
        if (copies.bytes - cff.limit() > MOST_COPIED_BYTES) {
            return "an embedded font in it copies more than " + DecodeBudget.megabytes(MOST_COPIED_BYTES)
                    + " MB of glyphs and subroutines beyond its own size as it is read";
        }
        byte[] bytes = new byte[cff.limit()];
        cff.get(0, bytes);
        List<CFFFont> fonts;
        try {
            fonts = new CFFParser().parse(bytes, () -> bytes);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        // PDFBox draws from the first font only
        return fonts.isEmpty() ? null : Type2Glyphs.overBudget(fonts.get(0));
    }

    /**
     * The CFF data FontBox may read: an OpenType font's first CFF table (CFFParser's choice) and its last valid one
     * (OTFParser's), or the program itself.
     */
    private static List<ByteBuffer> cffs(ByteBuffer program) {
        if (program.limit() < 12 || program.getInt(0) != 0x4F54544F) { // OTTO
            return List.of(program);
        }
        List<ByteBuffer> tables = new ArrayList<>();
        ByteBuffer last = null;
        for (int i = 0; i < program.getShort(4) && 12 + 16 * i + 16 <= program.limit(); i++) {
            int entry = 12 + 16 * i;
            long offset = program.getInt(entry + 8) & 0xFFFFFFFFL;
            long length = program.getInt(entry + 12) & 0xFFFFFFFFL;
            if (program.getInt(entry) == 0x43464620 && length > 0 && offset + length <= program.limit()) { // "CFF "
                last = program.slice((int) offset, (int) length);
                if (tables.isEmpty()) {
                    tables.add(last);
                }
            }
        }
        if (last != null && tables.get(0) != last) {
            tables.add(last);
        }
        return tables;
    }

    // ---- What FontBox's CFFParser copies -----------------------------------------------------------------------

    /**
     * The bytes CFFParser copies, and about what it builds, for each font the name index lists: its glyphs, the
     * tables of its glyph names or font dictionaries (a map entry or an int a glyph), and the subroutines of its
     * private dictionary or of every font dictionary (each copy counted: it makes one for each dictionary naming them).
     */
    private static final class Copies {
        /** What FontBox keeps for a glyph besides its charstring: its name's entries in two maps, its dictionary. */
        private static final int GLYPH_BYTES = 72;

        /** What FontBox keeps for a byte of a private dictionary: a boxed number in a list, about. */
        private static final int PRIVATE_BYTES = 24;

        /** What FontBox keeps for a code of an encoding: its entries in two maps. */
        private static final int ENCODED_BYTES = 64;

        long bytes;

        /** Range scans to find every glyph's font dictionary and CID, in the glyphs' ranges: FontBox scans them. */
        long lookups;

        void read(ByteBuffer cff) {
            // CFFParser reads the header's four bytes, whatever size the header says it is, then four indexes
            CffData.Index names = CffData.index(cff, 4);
            CffData.Index topDictionaries = CffData.index(cff, names.end());
            CffData.Index globalSubroutines =
                    CffData.index(cff, CffData.index(cff, topDictionaries.end()).end());
            for (CffData.Index read : List.of(names, topDictionaries, globalSubroutines)) {
                bytes += read.copied();
            }
            for (int font = 0; font < names.count() && bytes - cff.limit() <= MOST_COPIED_BYTES; font++) {
                Map<Integer, List<Number>> top = CffData.dictionary(topDictionaries.entry(font));
                CffData.Index glyphs = CffData.index(cff, CffData.first(top, 17));
                bytes += glyphs.copied() + (long) GLYPH_BYTES * glyphs.count(); // CharStrings
                if (top.containsKey(0xC1E)) { // ROS: a CID font, with a font dictionary array
                    lookups = Math.max(
                            lookups, glyphs.count() * (CffData.ranges(cff, top, 0xC25) + CffData.ranges(cff, top, 15)));
                    CffData.Index dictionaries = CffData.index(cff, CffData.first(top, 0xC24));
                    for (int fd = 0; fd < dictionaries.count() && bytes - cff.limit() <= MOST_COPIED_BYTES; fd++) {
                        bytes += privateDictionary(cff, CffData.dictionary(dictionaries.entry(fd)));
                    }
                } else {
                    bytes += privateDictionary(cff, top) + ENCODED_BYTES * CffData.encoded(cff, top);
                }
            }
        }

        /**
         * What FontBox builds reading a dictionary's private dictionary, as often as it is named: lists of its numbers
         * (about 24 bytes a byte of it), and a copy of the subroutines it names. Each is read here once.
         */
        private long privateDictionary(ByteBuffer cff, Map<Integer, List<Number>> dictionary) {
            List<Number> location = dictionary.get(18);
            if (location == null || location.size() < 2 || location.get(0).intValue() <= 0) {
                return 0; // FontBox reads an empty dictionary
            }
            int size = location.get(0).intValue();
            int offset = location.get(1).intValue();
            return PRIVATE_BYTES * size
                    + privateSubroutines.computeIfAbsent(((long) offset << 32) | size, key -> {
                        // FontBox reads every entry that starts in the dictionary, wherever it ends
                        List<Number> subroutines =
                                CffData.dictionary(cff, offset, offset + size).get(19);
                        return subroutines != null && subroutines.get(0) instanceof Integer relative && relative > 0
                                ? CffData.index(cff, offset + relative).copied()
                                : 0L;
                    });
        }

        private final Map<Long, Long> privateSubroutines = new HashMap<>();
    }
}
