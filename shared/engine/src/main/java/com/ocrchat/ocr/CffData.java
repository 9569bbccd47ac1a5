package com.ocrchat.ocr;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The structures of CFF data as FontBox's CFFParser reads them: indexes (offsets checked, entries read one after
 * another), DICTs (operands before each operator, reals included), a CID font's range tables and a font's encoding.
 */
final class CffData {
    private CffData() {}

    /** The codes a Type 1 font's own encoding maps (format 0 or 1, and supplements), which FontBox puts in maps. */
    static long encoded(ByteBuffer cff, Map<Integer, List<Number>> top) {
        List<Number> at = top.get(16);
        if (at == null || at.isEmpty() || at.get(0).intValue() <= 1) {
            return 0; // the standard or expert encoding
        }
        int offset = at.get(0).intValue();
        int format = cff.get(offset) & 0xFF;
        int count = cff.get(offset + 1) & 0xFF;
        long codes = 0;
        int next = offset + 2;
        if ((format & 0x7F) == 0) {
            codes = count;
            next += count;
        } else {
            for (int range = 0; range < count; range++, next += 2) {
                codes += (cff.get(next + 1) & 0xFF) + 1;
            }
        }
        return codes + ((format & 0x80) != 0 ? cff.get(next) & 0xFF : 0);
    }

    /**
     * The ranges of a CID font's FDSelect (operator 0xC25, format 3) or charset (operator 15, formats 1 and 2), which
     * FontBox scans one by one for each glyph it looks up; 0 for a table of one entry a glyph, or none.
     */
    static long ranges(ByteBuffer cff, Map<Integer, List<Number>> top, int operator) {
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

    static int first(Map<Integer, List<Number>> dictionary, int operator) {
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
    record Index(ByteBuffer cff, int data, int[] offsets) {
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

    static Index index(ByteBuffer cff, int at) {
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
        // FontBox reads the entries one after another from the end of the offsets, whatever the first offset says
        return new Index(cff, at + 3 + (count + 1) * size - offsets[0], offsets);
    }

    static double real(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException unreadable) {
            return 0; // FontBox reads it as 0 too
        }
    }

    /** A DICT's operands by operator (two-byte operators as 0xC00 + the second byte), as FontBox reads them. */
    static Map<Integer, List<Number>> dictionary(ByteBuffer dict) {
        return dictionary(dict, 0, dict.limit());
    }

    /** A DICT read from its start while its next entry starts before its end. */
    static Map<Integer, List<Number>> dictionary(ByteBuffer dict, int start, int end) {
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
            } else if (b0 == 30) { // a real: FontBox takes an offset's int part even from one
                StringBuilder real = new StringBuilder();
                boolean done = false;
                boolean exponent = false;
                boolean exponentMissing = false;
                while (!done) { // CFFParser.readRealNumber: both nibbles of a byte, the one after the end too
                    int b = dict.get(at++) & 0xFF;
                    for (int nibble : new int[] {b >> 4, b & 0x0F}) {
                        if (nibble <= 9 || nibble == 0xA || nibble == 0xE) {
                            real.append(nibble <= 9 ? (char) ('0' + nibble) : nibble == 0xA ? '.' : '-');
                            exponentMissing &= nibble > 9;
                        } else if ((nibble == 0xB || nibble == 0xC) && !exponent) {
                            real.append(nibble == 0xB ? "E" : "E-");
                            exponent = true;
                            exponentMissing = true;
                        }
                        done |= nibble == 0xF;
                    }
                }
                operands.add(real(real + (exponentMissing ? "0" : "")));
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
