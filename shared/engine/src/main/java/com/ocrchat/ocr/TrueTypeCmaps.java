package com.ocrchat.ocr;

import java.nio.ByteBuffer;

/**
 * What FontBox makes of a TrueType cmap table, counted in its own arithmetic before it parses it (CmapTable.read and
 * CmapSubtable): it parses every subtable the table lists, as often as it is listed, wherever in the file its offset
 * points, maps each code of each range, segment or group one by one into a map, and gives each subtable a map and a
 * table sized for all the glyphs.
 */
final class TrueTypeCmaps {
    private final int glyphs;
    private long codes;
    private long slots;

    private TrueTypeCmaps(int glyphs) {
        this.glyphs = glyphs;
    }

    /** The codes mapped and slots filled parsing this cmap (null: none), up to just past the font's budget. */
    static TrueTypeCmaps count(ByteBuffer cmap, int glyphs) {
        TrueTypeCmaps count = new TrueTypeCmaps(glyphs);
        if (cmap == null || cmap.limit() < 4) {
            return count;
        }
        int subtables = cmap.getShort(2) & 0xFFFF;
        try {
            for (int i = 0; i < subtables && count.entries() <= TrueTypePrograms.MOST_CMAP_ENTRIES; i++) {
                long offset = cmap.getInt(4 + 8 * i + 4) & 0xFFFFFFFFL;
                if (offset < cmap.limit()) {
                    count.subtable(cmap, (int) offset);
                }
            }
        } catch (IndexOutOfBoundsException truncated) {
            // FontBox fails there too, and drops the font, after what was counted
        }
        return count;
    }

    /** Codes mapped, a map entry each. */
    long codes() {
        return codes;
    }

    /** Codes mapped and glyph slots filled. */
    long entries() {
        return codes + slots;
    }

    private void subtable(ByteBuffer cmap, int at) {
        int format = cmap.getShort(at) & 0xFFFF;
        int body = at + (format < 8 ? 6 : 12);
        // Each of these makes a map sized for the glyphs, and a table of a slot for each glyph (formats 4 and 6: up to
        // the highest glyph they map, which may be past the font's glyphs).
        slots += switch (format) {
            case 0 -> 256;
            case 2, 8, 12, 13 -> 2L * glyphs;
            case 4, 6 -> glyphs + 0x10000;
            default -> 0;
        };
        codes += switch (format) {
            case 2 -> format2(cmap, body);
            case 4 -> format4(cmap, body);
            case 6 -> cmap.getShort(body + 2) & 0xFFFF;
            case 8 -> groups(cmap, body + 8192, format);
            case 12, 13 -> groups(cmap, body, format);
            default -> 0; // 0 is an array; 10 and 14 are read as nothing; any other fails the font
        };
    }

    /** Format 2: each subheader up to the highest a key names maps its entry count of codes. */
    private static long format2(ByteBuffer cmap, int at) {
        int highest = 0;
        for (int key = 0; key < 256; key++) {
            highest = Math.max(highest, (cmap.getShort(at + 2 * key) & 0xFFFF) / 8);
        }
        long codes = 0;
        for (int subheader = 0; subheader <= highest; subheader++) {
            codes += cmap.getShort(at + 512 + 8 * subheader + 2) & 0xFFFF;
        }
        return codes;
    }

    /** Format 4: each segment but one ending or starting at 0xFFFF maps its codes, start to end. */
    private static long format4(ByteBuffer cmap, int at) {
        int segments = (cmap.getShort(at) & 0xFFFF) / 2;
        int ends = at + 8;
        int starts = ends + 2 * segments + 2;
        long codes = 0;
        for (int i = 0; i < segments; i++) {
            int end = cmap.getShort(ends + 2 * i) & 0xFFFF;
            int start = cmap.getShort(starts + 2 * i) & 0xFFFF;
            if (start != 0xFFFF && end != 0xFFFF) {
                codes += Math.max(0, end - start + 1);
            }
        }
        return codes;
    }

    /** Formats 8, 12 and 13: groups of codes, each mapped one by one, as far as FontBox goes before it stops. */
    private long groups(ByteBuffer cmap, int at, int format) {
        long groups = cmap.getInt(at) & 0xFFFFFFFFL;
        long mapped = 0;
        for (long group = 0; group < groups && mapped <= TrueTypePrograms.MOST_CMAP_ENTRIES; group++) {
            int record = Math.toIntExact(at + 4 + 12 * group);
            long first = cmap.getInt(record) & 0xFFFFFFFFL;
            long last = cmap.getInt(record + 4) & 0xFFFFFFFFL;
            long glyph = cmap.getInt(record + 8) & 0xFFFFFFFFL;
            long inGroup = Math.max(0, (format == 8 ? Math.min(last, 0xFFFF) : last) - first + 1);
            if (format == 12) {
                inGroup = Math.min(inGroup, Math.max(0, glyphs - glyph)); // FontBox stops at the last glyph
            } else if (format == 13 && glyph > glyphs) {
                break; // FontBox stops reading the groups
            }
            mapped += inGroup;
        }
        return mapped;
    }
}
