package com.ocrchat.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;

/**
 * An embedded TrueType or OpenType font program, checked and trimmed before FontBox loads it. FontBox parses every
 * table of a font whole when it loads it, following counts and offsets wherever they point: a 3 KB name table of
 * 65,535 records naming one 64 KB string, or a GSUB table whose lookups share one subtable, filled a 2 GB heap in two
 * seconds, and a cmap of 40,000 twelve-byte groups kept a core busy for 72 s. So a program keeps only the tables
 * drawing a page and reading its text use (the ones FontBox requires, the cmap, the glyph names and metrics; not the
 * names, the substitutions or the kerning), and what FontBox makes of the kept ones is counted in its own arithmetic:
 * the codes and glyph slots its cmap subtables fill, and the points of each glyph with its components expanded.
 */
final class FontPrograms {
    /** Codes and glyph slots FontBox fills from one font's cmap subtables: twice all of Unicode. */
    static final long MOST_CMAP_ENTRIES = 1 << 21;

    /** Points of one glyph, its components expanded: the most complex glyphs of real fonts have a few thousand. */
    static final long MOST_GLYPH_POINTS = 1 << 16;

    /** Components of one composite glyph: FontBox looks each point up among them, so points times components. */
    static final int MOST_COMPONENTS = 256;

    /** The tables kept: what FontBox requires of an embedded font, and what drawing and text use of the others. */
    private static final Set<String> KEPT =
            Set.of("head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "post", "OS/2", "vhea", "vmtx", "CFF ");

    private final ByteBuffer font;
    private final Map<String, ByteBuffer> tables;
    private final int glyphs;

    private FontPrograms(ByteBuffer font, Map<String, ByteBuffer> tables) {
        this.font = font;
        this.tables = tables;
        ByteBuffer maxp = tables.get("maxp");
        // FontBox fails to load a font without a number of glyphs; count as if it had the most.
        this.glyphs = maxp != null && maxp.limit() >= 6 ? maxp.getShort(4) & 0xFFFF : 0xFFFF;
    }

    /** What checking a program found: the codes its cmap maps (a map entry each), and why it is over budget, or null. */
    record Checked(long codes, String overBudget) {}

    /**
     * Checks a TrueType or OpenType program (a FontFile2, or a FontFile3 of subtype OpenType); one within budget is
     * rewritten, unfiltered, without the tables nothing here reads.
     */
    static Checked check(COSStream program) throws IOException {
        byte[] bytes;
        try (InputStream in = program.createInputStream()) {
            bytes = in.readAllBytes();
        }
        FontPrograms font = read(ByteBuffer.wrap(bytes));
        if (font == null) {
            return new Checked(0, null); // FontBox fails on its table directory before it parses any table
        }
        TrueTypeCmaps cmaps = TrueTypeCmaps.count(font.tables.get("cmap"), font.glyphs);
        ByteBuffer cff = font.tables.get("CFF ");
        String why = cmaps.entries() > MOST_CMAP_ENTRIES
                ? "an embedded font in it maps more than " + MOST_CMAP_ENTRIES + " codes and glyphs in its cmap"
                : cff != null ? CffPrograms.overBudget(bytes(cff)) : font.new Glyphs().overBudget();
        if (why == null && font.tables.size() < font.tableCount()) {
            program.removeItem(COSName.FILTER);
            program.removeItem(COSName.DECODE_PARMS);
            try (OutputStream out = program.createOutputStream()) {
                out.write(font.kept());
            }
        }
        return new Checked(cmaps.codes(), why);
    }

    /** The program's kept tables as FontBox lists them (the last of a tag; none empty or past the end), or null. */
    private static FontPrograms read(ByteBuffer font) {
        if (font.limit() < 12) {
            return null;
        }
        int count = font.getShort(4) & 0xFFFF;
        if (font.limit() < 12 + 16L * count) {
            return null;
        }
        Map<String, ByteBuffer> tables = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int entry = 12 + 16 * i;
            byte[] tag = new byte[4];
            font.get(entry, tag);
            long offset = font.getInt(entry + 8) & 0xFFFFFFFFL;
            long length = font.getInt(entry + 12) & 0xFFFFFFFFL;
            String name = new String(tag, StandardCharsets.ISO_8859_1);
            if (KEPT.contains(name) && offset + length <= font.limit() && (length > 0 || name.equals("glyf"))) {
                tables.put(name, font.slice((int) offset, (int) length));
            }
        }
        return new FontPrograms(font, tables);
    }

    private static byte[] bytes(ByteBuffer table) {
        byte[] bytes = new byte[table.limit()];
        table.get(0, bytes);
        return bytes;
    }

    private int tableCount() {
        return font.getShort(4) & 0xFFFF;
    }

    /** The program with only its kept tables, in the order it listed them. */
    private byte[] kept() {
        int offset = 12 + 16 * tables.size();
        int length = offset;
        for (ByteBuffer table : tables.values()) {
            length += (table.limit() + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(length)
                .putInt(font.getInt(0))
                .putShort((short) tables.size())
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0);
        for (Map.Entry<String, ByteBuffer> table : tables.entrySet()) {
            out.put(table.getKey().getBytes(StandardCharsets.ISO_8859_1))
                    .putInt(0)
                    .putInt(offset)
                    .putInt(table.getValue().limit());
            offset += (table.getValue().limit() + 3) & ~3;
        }
        for (ByteBuffer table : tables.values()) {
            out.put(table.duplicate()).position((out.position() + 3) & ~3);
        }
        return out.array();
    }

    // ---- The glyphs, as FontBox expands a composite glyph to draw it -------------------------------------------

    /** The points each glyph draws with its components expanded, worked out once per glyph. */
    private final class Glyphs {
        private static final long CYCLE = -1;
        private final Map<Integer, Long> points = new HashMap<>();
        private final ByteBuffer glyf = tables.get("glyf");
        private final ByteBuffer loca = tables.get("loca");
        private final ByteBuffer head = tables.get("head");

        String overBudget() {
            if (glyf == null || loca == null || head == null || head.limit() < 54) {
                return null; // FontBox draws no TrueType outline without them
            }
            for (int glyph = 0; glyph < glyphs; glyph++) {
                long drawn = points(glyph);
                if (drawn == CYCLE) {
                    return "a glyph of an embedded font in it is made of itself";
                }
                if (drawn > MOST_GLYPH_POINTS) {
                    return "a glyph of an embedded font in it has more than " + MOST_GLYPH_POINTS + " points" + " or "
                            + MOST_COMPONENTS + " components";
                }
            }
            return null;
        }

        private long points(int glyph) {
            Long known = points.get(glyph);
            if (known != null) {
                return known;
            }
            points.put(glyph, CYCLE);
            long drawn = read(glyph);
            points.put(glyph, drawn);
            return drawn;
        }

        /** A glyph's points, or CYCLE, or more than the budget for too many components; 0 if FontBox cannot read it. */
        private long read(int glyph) {
            boolean longOffsets = head.getShort(50) != 0;
            try {
                long start =
                        longOffsets ? loca.getInt(4 * glyph) & 0xFFFFFFFFL : 2L * (loca.getShort(2 * glyph) & 0xFFFF);
                long end = longOffsets
                        ? loca.getInt(4 * glyph + 4) & 0xFFFFFFFFL
                        : 2L * (loca.getShort(2 * glyph + 2) & 0xFFFF);
                if (end <= start || end > glyf.limit()) {
                    return 0;
                }
                int at = (int) start;
                int contours = glyf.getShort(at);
                if (contours >= 0) {
                    return contours == 0 ? 0 : (glyf.getShort(at + 10 + 2 * (contours - 1)) & 0xFFFF) + 1;
                }
                return composite(at + 10);
            } catch (IndexOutOfBoundsException truncated) {
                return 0; // FontBox fails to read this glyph, and draws nothing for it
            }
        }

        private long composite(int at) {
            long drawn = 0;
            int flags;
            int components = 0;
            do {
                flags = glyf.getShort(at) & 0xFFFF;
                long component = points(glyf.getShort(at + 2) & 0xFFFF);
                if (component == CYCLE) {
                    return CYCLE;
                }
                drawn += component;
                if (++components > MOST_COMPONENTS || drawn > MOST_GLYPH_POINTS) {
                    return MOST_GLYPH_POINTS + 1;
                }
                at += 4 + ((flags & 0x1) != 0 ? 4 : 2);
                at += (flags & 0x8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0;
            } while ((flags & 0x20) != 0);
            return drawn;
        }
    }
}
