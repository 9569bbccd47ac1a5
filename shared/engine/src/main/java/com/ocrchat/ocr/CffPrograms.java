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
 * A CFF font program (a FontFile3 of subtype Type1C or CIDFontType0C, or an OpenType font's CFF table), checked
 * before FontBox loads it or draws from it. FontBox copies the subroutines of each font dictionary as it parses the
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
        long[] copied = {0};
        try {
            copiedBytes(ByteBuffer.wrap(program), copied);
        } catch (RuntimeException unreadable) {
            // FontBox fails on the same structure, after copying what was counted
        }
        if (copied[0] - program.length > MOST_COPIED_BYTES) {
            return "an embedded font in it copies more than " + DecodeBudget.megabytes(MOST_COPIED_BYTES)
                    + " MB of glyphs and subroutines beyond its own size as it is read";
        }
        List<CFFFont> fonts;
        try {
            fonts = new CFFParser().parse(program, () -> program);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        // PDFBox draws from the first font only
        return fonts.isEmpty() ? null : Type2Glyphs.overBudget(fonts.get(0));
    }

    // ---- What FontBox's CFFParser copies -----------------------------------------------------------------------

    /**
     * The bytes CFFParser copies for each font the name index lists: its glyphs, and the subroutines of its private
     * dictionary or of every font dictionary (each copy counted, as it makes one for each dictionary naming them).
     */
    private static void copiedBytes(ByteBuffer cff, long[] copied) {
        int at = cff.get(2) & 0xFF;
        int fonts = count(cff, at);
        at = skipIndex(cff, at);
        int topDictionaries = at;
        at = skipIndex(cff, at); // top dictionaries
        at = skipIndex(cff, at); // strings
        copied[0] += indexData(cff, at); // global subroutines, once
        for (int font = 0; font < fonts && copied[0] - cff.limit() <= MOST_COPIED_BYTES; font++) {
            Map<Integer, List<Number>> top = dictionary(entry(cff, topDictionaries, font));
            copied[0] += indexData(cff, first(top, 17)); // CharStrings
            if (top.containsKey(0xC1E)) { // ROS: a CID font, with a font dictionary array
                int dictionaries = first(top, 0xC24);
                for (int fd = 0; fd < count(cff, dictionaries) && copied[0] - cff.limit() <= MOST_COPIED_BYTES; fd++) {
                    copied[0] += privateSubroutines(cff, dictionary(entry(cff, dictionaries, fd)));
                }
            } else {
                copied[0] += privateSubroutines(cff, top);
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
        Map<Integer, List<Number>> privateDictionary = dictionary(cff.slice(offset, size));
        List<Number> subroutines = privateDictionary.get(19);
        return subroutines != null && subroutines.get(0) instanceof Integer relative && relative > 0
                ? indexData(cff, offset + relative)
                : 0;
    }

    private static int first(Map<Integer, List<Number>> dictionary, int operator) {
        List<Number> operands = dictionary.get(operator);
        if (operands == null || operands.isEmpty()) {
            throw new IllegalArgumentException("no operand " + operator);
        }
        return operands.get(0).intValue();
    }

    private static int count(ByteBuffer cff, int at) {
        return cff.getShort(at) & 0xFFFF;
    }

    private static int offset(ByteBuffer cff, int at, int size) {
        int value = 0;
        for (int i = 0; i < size; i++) {
            value = (value << 8) | (cff.get(at + i) & 0xFF);
        }
        return value;
    }

    /** An index's data bytes: its last offset, less one. */
    private static long indexData(ByteBuffer cff, int at) {
        int count = count(cff, at);
        if (count == 0) {
            return 0;
        }
        int size = cff.get(at + 2) & 0xFF;
        return offset(cff, at + 3 + count * size, size) - 1L;
    }

    private static int skipIndex(ByteBuffer cff, int at) {
        int count = count(cff, at);
        if (count == 0) {
            return at + 2;
        }
        int size = cff.get(at + 2) & 0xFF;
        return Math.toIntExact(at + 3 + (count + 1L) * size + indexData(cff, at));
    }

    private static ByteBuffer entry(ByteBuffer cff, int at, int entry) {
        int size = cff.get(at + 2) & 0xFF;
        int offsets = at + 3;
        int data = offsets + (count(cff, at) + 1) * size - 1;
        int start = offset(cff, offsets + entry * size, size);
        int end = offset(cff, offsets + (entry + 1) * size, size);
        return cff.slice(data + start, end - start);
    }

    /** A DICT's operands by operator (two-byte operators as 0xC00 + the second byte), as FontBox reads them. */
    private static Map<Integer, List<Number>> dictionary(ByteBuffer dict) {
        Map<Integer, List<Number>> entries = new HashMap<>();
        List<Number> operands = new ArrayList<>();
        int at = 0;
        while (at < dict.limit()) {
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
