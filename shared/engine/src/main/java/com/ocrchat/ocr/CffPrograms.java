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

        long bytes;

        /** Range scans to find every glyph's font dictionary and CID, in the glyphs' ranges: FontBox scans them. */
        long lookups;

        void read(ByteBuffer cff) {
            // CFFParser reads the header's four bytes, whatever size the header says it is, then four indexes
            Index names = index(cff, 4);
            Index topDictionaries = index(cff, names.end());
            Index globalSubroutines =
                    index(cff, index(cff, topDictionaries.end()).end());
            for (Index read : List.of(names, topDictionaries, globalSubroutines)) {
                bytes += read.copied();
            }
            for (int font = 0; font < names.count() && bytes - cff.limit() <= MOST_COPIED_BYTES; font++) {
                Map<Integer, List<Number>> top = dictionary(topDictionaries.entry(font));
                Index glyphs = index(cff, first(top, 17));
                bytes += glyphs.copied() + (long) GLYPH_BYTES * glyphs.count(); // CharStrings
                if (top.containsKey(0xC1E)) { // ROS: a CID font, with a font dictionary array
                    lookups = Math.max(lookups, glyphs.count() * (ranges(cff, top, 0xC25) + ranges(cff, top, 15)));
                    Index dictionaries = index(cff, first(top, 0xC24));
                    for (int fd = 0; fd < dictionaries.count() && bytes - cff.limit() <= MOST_COPIED_BYTES; fd++) {
                        bytes += privateSubroutines(cff, dictionary(dictionaries.entry(fd)));
                    }
                } else {
                    bytes += privateSubroutines(cff, top);
                }
            }
        }
    }

    /** The bytes of the subroutines a dictionary's private dictionary names, or 0. */
    private static long privateSubroutines(ByteBuffer cff, Map<Integer, List<Number>> dictionary) {
        List<Number> location = dictionary.get(18);
        if (location == null || location.size() < 2) {
            return 0;
        }
        int size = location.get(0).intValue();
        int offset = location.get(1).intValue();
        if (size <= 0) {
            return 0; // FontBox reads an empty dictionary
        }
        // FontBox reads every entry that starts in the dictionary, wherever it ends
        Map<Integer, List<Number>> privateDictionary = dictionary(cff, offset, offset + size);
        List<Number> subroutines = privateDictionary.get(19);
        return subroutines != null && subroutines.get(0) instanceof Integer relative && relative > 0
                ? index(cff, offset + relative).copied()
                : 0;
    }

    /**
     * The ranges of a CID font's FDSelect (operator 0xC25, format 3) or charset (operator 15, formats 1 and 2), which
     * FontBox scans one by one for each glyph it looks up; 0 for a table of one entry a glyph, or none.
     */
    private static long ranges(ByteBuffer cff, Map<Integer, List<Number>> top, int operator) {
        List<Number> at = top.get(operator);
        if (at == null || at.isEmpty() || at.get(0).intValue() <= 0) {
            return 0;
        }
        int offset = at.get(0).intValue();
        int format = cff.get(offset) & 0xFF;
        if (operator == 0xC25) {
            return format == 3 ? cff.getShort(offset + 1) & 0xFFFF : 0;
        }
        if (format != 1 && format != 2) {
            return 0;
        }
        int glyphs = index(cff, first(top, 17)).count();
        long ranges = 0;
        int record = offset + 1;
        for (int gid = 1; gid < glyphs; ranges++) { // as CFFParser reads them: each covers 1 + its count of glyphs
            int left = format == 1 ? cff.get(record + 2) & 0xFF : cff.getShort(record + 2) & 0xFFFF;
            record += format == 1 ? 3 : 4;
            gid += left + 1;
        }
        return ranges;
    }

    private static int first(Map<Integer, List<Number>> dictionary, int operator) {
        List<Number> operands = dictionary.get(operator);
        if (operands == null || operands.isEmpty()) {
            throw new IllegalArgumentException("no operand " + operator);
        }
        return operands.get(0).intValue();
    }

    /**
     * An INDEX as CFFParser reads it: an offset size of 1 to 4 and every offset within the file, or it fails before
     * copying an entry; then each entry copied, until one ends before it starts.
     */
    private record Index(ByteBuffer cff, int data, int[] offsets) {
        int count() {
            return Math.max(0, offsets.length - 1);
        }

        int end() {
            return offsets.length == 0 ? data : data + offsets[offsets.length - 1];
        }

        ByteBuffer entry(int entry) {
            return cff.slice(data + offsets[entry], offsets[entry + 1] - offsets[entry]);
        }

        /** The bytes its entries are copied into; throws where FontBox fails, at an entry ending before it starts. */
        long copied() {
            long copied = 0;
            for (int entry = 0; entry < count(); entry++) {
                int length = offsets[entry + 1] - offsets[entry];
                if (length < 0 || data + offsets[entry] + length > cff.limit()) {
                    throw new IllegalArgumentException("entry " + entry + " is not in the file");
                }
                copied += length;
            }
            return copied;
        }
    }

    private static Index index(ByteBuffer cff, int at) {
        int count = cff.getShort(at) & 0xFFFF;
        if (count == 0) {
            return new Index(cff, at + 2, new int[0]);
        }
        int size = cff.get(at + 2) & 0xFF;
        if (size < 1 || size > 4) {
            throw new IllegalArgumentException("offset size " + size);
        }
        int[] offsets = new int[count + 1];
        for (int i = 0; i <= count; i++) {
            int value = 0;
            for (int b = 0; b < size; b++) {
                value = (value << 8) | (cff.get(at + 3 + i * size + b) & 0xFF);
            }
            if (value > cff.limit()) {
                throw new IllegalArgumentException("offset " + value + " past the file");
            }
            offsets[i] = value;
        }
        return new Index(cff, at + 3 + (count + 1) * size - 1, offsets);
    }

    /** A DICT's operands by operator (two-byte operators as 0xC00 + the second byte), as FontBox reads them. */
    private static Map<Integer, List<Number>> dictionary(ByteBuffer dict) {
        return dictionary(dict, 0, dict.limit());
    }

    /** A DICT read from its start while its next entry starts before its end. */
    private static Map<Integer, List<Number>> dictionary(ByteBuffer dict, int start, int end) {
        Map<Integer, List<Number>> entries = new HashMap<>();
        List<Number> operands = new ArrayList<>();
        int at = start;
        while (at < end || !operands.isEmpty()) { // an entry begun before the end is read to its operator
            int b0 = dict.get(at++) & 0xFF;
            if (b0 <= 21) {
                int operator = b0 == 12 ? 0xC00 | (dict.get(at++) & 0xFF) : b0;
                entries.put(operator, operands);
                operands = new ArrayList<>();
            } else if (b0 == 28) {
                operands.add((int) dict.getShort(at));
                at += 2;
            } else if (b0 == 29) {
                operands.add(dict.getInt(at));
                at += 4;
            } else if (b0 == 30) {
                while ((dict.get(at) & 0x0F) != 0x0F && (dict.get(at) & 0xF0) != 0xF0) {
                    at++;
                }
                at++;
                operands.add(0.0); // a real: never an offset
            } else if (b0 >= 32 && b0 <= 246) {
                operands.add(b0 - 139);
            } else if (b0 >= 247 && b0 <= 250) {
                operands.add((b0 - 247) * 256 + (dict.get(at++) & 0xFF) + 108);
            } else if (b0 >= 251 && b0 <= 254) {
                operands.add(-(b0 - 251) * 256 - (dict.get(at++) & 0xFF) - 108);
            } else {
                throw new IllegalArgumentException("invalid DICT byte " + b0);
            }
        }
        return entries;
    }
}
