package com.ocrchat.ocr;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;

/**
 * A font program as FontBox's TrueType parser reads it, checked (and trimmed) before it does. FontBox parses every table
 * a font lists when it loads it, from the table's offset to wherever its counts and offsets lead, past the table's
 * stated length too: from files of 2-4 KB, a name table of 65,535 records naming one 64 KB string and a GSUB whose
 * lookups share one subtable filled a 2 GB heap in two seconds, a kern table may claim 2 billion subtables, a cmap of
 * 40,000 twelve-byte groups kept a core busy for 72 s, and a glyph of 200 cubed components asked for 800 million
 * points. So the substitutions and kerning, which nothing here or in a PDF viewer reads for a PDF's glyphs, are
 * dropped (and a name table whose strings come to more than a megabyte), and what FontBox makes of the rest is counted
 * in its own arithmetic: the codes and glyph slots of the cmap ({@link TrueTypeCmaps}), and each glyph's points and
 * glyph reads with its components expanded. Hinting tables and checksums are kept, for viewers of the pages kept as
 * they are.
 */
final class FontPrograms {
    /** Codes and glyph slots FontBox fills from one font's cmap subtables: twice all of Unicode. */
    static final long MOST_CMAP_ENTRIES = 1 << 21;

    /** Points of one glyph, its components expanded: the most complex glyphs of real fonts have a few thousand. */
    static final long MOST_GLYPH_POINTS = 1 << 16;

    /** Glyph descriptions FontBox reads to draw one glyph: it keeps none for a font of 5,000 glyphs or more. */
    static final long MOST_GLYPH_READS = 1 << 10;

    /** Components nested in one glyph: fonts nest two or three; FontBox follows the font's own claim. */
    static final int MOST_COMPONENT_DEPTH = 16;

    /** Components of one composite glyph: FontBox looks each point up among them, so points times components. */
    static final int MOST_COMPONENTS = 256;

    /** Bytes the name table's records read together: real fonts' names come to a few kilobytes. */
    static final long MOST_NAME_BYTES = 1 << 20;

    /** Tables FontBox parses whole, following their counts and offsets, that nothing drawing a PDF's glyphs reads. */
    private static final Set<String> DROPPED = Set.of("GSUB", "kern");

    /** The versions of a TrueType or OpenType font: only such a program is rewritten. */
    private static final Set<Integer> SFNT = Set.of(0x00010000, 0x74727565, 0x4F54544F);

    /** What checking a program found: the codes its cmap maps (a map entry each), and why it is over budget, or null. */
    record Checked(long codes, String overBudget) {
        static final Checked NOTHING = new Checked(0, null);
    }

    /** A table as the font lists it. */
    private record Table(int checksum, int offset, int length) {}

    private final ByteBuffer font;
    private final Map<String, Table> tables;
    private final int glyphs;

    private FontPrograms(ByteBuffer font, Map<String, Table> tables) {
        this.font = font;
        this.tables = tables;
        ByteBuffer maxp = from("maxp");
        // FontBox fails to load a font without a number of glyphs; count as if it had the most.
        this.glyphs = maxp != null && maxp.limit() >= 6 ? maxp.getShort(4) & 0xFFFF : 0xFFFF;
    }

    /**
     * Checks a program (these are its decoded bytes) as FontBox's TrueType parser would read it, whatever the font
     * says it is: PDFBox hands a composite font's program to it from any of its keys. A TrueType or OpenType program
     * with tables to drop is rewritten without them (deflated, its Length1 set), then checked as rewritten.
     */
    static Checked check(COSStream program, byte[] bytes) throws IOException {
        FontPrograms font = read(ByteBuffer.wrap(bytes));
        if (font == null) {
            return Checked.NOTHING; // FontBox fails on its table directory before it parses any table
        }
        Set<String> dropped = font.dropped();
        if (!dropped.isEmpty()) {
            if (!SFNT.contains(font.font.getInt(0))) {
                return new Checked(0, "an embedded font in it lists tables " + dropped + " that are not to be read");
            }
            byte[] kept = font.without(dropped);
            program.removeItem(COSName.DECODE_PARMS);
            try (OutputStream out = program.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(kept);
            }
            program.setInt(COSName.LENGTH1, kept.length);
            font = read(ByteBuffer.wrap(kept));
        }
        TrueTypeCmaps cmaps = TrueTypeCmaps.count(font.from("cmap"), font.glyphs);
        if (cmaps.entries() > MOST_CMAP_ENTRIES) {
            return new Checked(
                    cmaps.codes(),
                    "an embedded font in it maps more than " + MOST_CMAP_ENTRIES + " codes and glyphs in its cmap");
        }
        try {
            font.new Glyphs().check();
        } catch (Refused refused) {
            return new Checked(cmaps.codes(), refused.getMessage());
        }
        return new Checked(cmaps.codes(), null);
    }

    /** The tables as FontBox keeps them (the last of a tag; none empty but glyf, none past the end), or null. */
    private static FontPrograms read(ByteBuffer font) {
        if (font.limit() < 12) {
            return null;
        }
        int count = font.getShort(4) & 0xFFFF;
        if (font.limit() < 12 + 16L * count) {
            return null;
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int entry = 12 + 16 * i;
            byte[] tag = new byte[4];
            font.get(entry, tag);
            String name = new String(tag, StandardCharsets.ISO_8859_1);
            long offset = font.getInt(entry + 8) & 0xFFFFFFFFL;
            long length = font.getInt(entry + 12) & 0xFFFFFFFFL;
            tables.remove(name);
            if (offset + length <= font.limit() && (length > 0 || name.equals("glyf"))) {
                tables.put(name, new Table(font.getInt(entry + 4), (int) offset, (int) length));
            }
        }
        return new FontPrograms(font, tables);
    }

    /** A table from its offset to the end of the program, as FontBox reads it; null when the font has none. */
    private ByteBuffer from(String tag) {
        Table table = tables.get(tag);
        return table == null ? null : font.slice(table.offset(), font.limit() - table.offset());
    }

    private Set<String> dropped() {
        Set<String> dropped = new HashSet<>(tables.keySet());
        dropped.retainAll(DROPPED);
        if (tables.containsKey("name") && nameBytes() > MOST_NAME_BYTES) {
            dropped.add("name");
        }
        return dropped;
    }

    /** The bytes NamingTable.read reads for its records' strings (it skips one whose offset is past the table). */
    private long nameBytes() {
        ByteBuffer name = from("name");
        long bytes = 0;
        try {
            int records = name.getShort(2) & 0xFFFF;
            for (int i = 0; i < records; i++) {
                int record = 6 + 12 * i;
                if ((name.getShort(record + 10) & 0xFFFF) <= tables.get("name").length()) {
                    bytes += name.getShort(record + 8) & 0xFFFF;
                }
            }
        } catch (IndexOutOfBoundsException truncated) {
            // FontBox fails reading the records, before any string
        }
        return bytes;
    }

    /** The program without these tables: the others as listed, with their checksums, in the order listed. */
    private byte[] without(Set<String> dropped) {
        Map<String, Table> kept = new LinkedHashMap<>(tables);
        kept.keySet().removeAll(dropped);
        int offset = 12 + 16 * kept.size();
        int length = offset;
        for (Table table : kept.values()) {
            length += (table.length() + 3) & ~3;
        }
        int power = Integer.highestOneBit(Math.max(1, kept.size()));
        ByteBuffer out = ByteBuffer.allocate(length)
                .putInt(font.getInt(0))
                .putShort((short) kept.size())
                .putShort((short) (16 * power)) // the directory's search range, selector and shift
                .putShort((short) Integer.numberOfTrailingZeros(power))
                .putShort((short) (16 * (kept.size() - power)));
        for (Map.Entry<String, Table> table : kept.entrySet()) {
            out.put(table.getKey().getBytes(StandardCharsets.ISO_8859_1))
                    .putInt(table.getValue().checksum())
                    .putInt(offset)
                    .putInt(table.getValue().length());
            offset += (table.getValue().length() + 3) & ~3;
        }
        for (Table table : kept.values()) {
            out.put(font.slice(table.offset(), table.length())).position((out.position() + 3) & ~3);
        }
        return out.array();
    }

    /** Why a glyph is over budget, thrown from inside the walk of its components. */
    private static final class Refused extends RuntimeException {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    // ---- The glyphs, as FontBox reads a composite glyph's components to draw it -----------------------------------

    /** Each glyph's points and glyph reads with its components expanded, worked out once per glyph. */
    private final class Glyphs {
        private static final long[] BEING_READ = {};
        private final Map<Integer, long[]> known = new HashMap<>();
        private final ByteBuffer glyf = from("glyf");
        private final ByteBuffer loca = from("loca");
        private final ByteBuffer head = from("head");

        void check() {
            if (glyf == null || loca == null || head == null || head.limit() < 54) {
                return; // FontBox draws no TrueType outline without them
            }
            int format = head.getShort(50);
            if ((format != 0 && format != 1) || loca.limit() < (glyphs + 1L) * (format == 0 ? 2 : 4)) {
                return; // FontBox fails reading the glyphs' offsets, and loads no outline
            }
            for (int glyph = 0; glyph < glyphs; glyph++) {
                glyph(glyph, 0);
            }
        }

        /** A glyph's {points, glyph reads}; refused past a budget, or made of itself. */
        private long[] glyph(int glyph, int depth) {
            long[] counts = known.get(glyph);
            if (counts == BEING_READ) {
                throw new Refused("a glyph of an embedded font in it is made of itself");
            }
            if (counts != null) {
                return counts;
            }
            if (depth > MOST_COMPONENT_DEPTH) {
                throw new Refused("a glyph of an embedded font in it nests components more than " + MOST_COMPONENT_DEPTH
                        + " deep");
            }
            known.put(glyph, BEING_READ);
            counts = read(glyph, depth);
            if (counts[0] > MOST_GLYPH_POINTS || counts[1] > MOST_GLYPH_READS) {
                throw new Refused("a glyph of an embedded font in it has more than " + MOST_GLYPH_POINTS + " points,"
                        + " or reads glyphs more than " + MOST_GLYPH_READS + " times, with its components");
            }
            known.put(glyph, counts);
            return counts;
        }

        private long[] read(int glyph, int depth) {
            if (glyph >= glyphs) {
                return new long[] {0, 1}; // FontBox has no such glyph, and draws nothing for it
            }
            boolean longOffsets = head.getShort(50) == 1;
            long start = longOffsets ? loca.getInt(4 * glyph) & 0xFFFFFFFFL : 2L * (loca.getShort(2 * glyph) & 0xFFFF);
            long end = longOffsets
                    ? loca.getInt(4 * glyph + 4) & 0xFFFFFFFFL
                    : 2L * (loca.getShort(2 * glyph + 2) & 0xFFFF);
            if (end <= start || start + 10 > glyf.limit()) {
                return new long[] {0, 1}; // empty, or out of the file: FontBox draws nothing for it
            }
            try {
                int at = (int) start;
                int contours = glyf.getShort(at);
                if (contours >= 0) {
                    return new long[] {contours == 0 ? 0 : (glyf.getShort(at + 10 + 2 * (contours - 1)) & 0xFFFF) + 1, 1
                    };
                }
                return composite(at + 10, depth);
            } catch (IndexOutOfBoundsException truncated) {
                return new long[] {0, 1}; // FontBox fails to read this glyph, and draws nothing for it
            }
        }

        /** A composite's points (each component, as often as it is placed) and reads (each component once). */
        private long[] composite(int at, int depth) {
            long points = 0;
            long reads = 1;
            Set<Integer> read = new HashSet<>();
            int flags;
            int components = 0;
            do {
                flags = glyf.getShort(at) & 0xFFFF;
                int component = glyf.getShort(at + 2) & 0xFFFF;
                if (++components > MOST_COMPONENTS) {
                    throw new Refused(
                            "a glyph of an embedded font in it has more than " + MOST_COMPONENTS + " components");
                }
                long[] counts = glyph(component, depth + 1);
                points += counts[0];
                reads += read.add(component) ? counts[1] : 0;
                at += 4 + ((flags & 0x1) != 0 ? 4 : 2);
                at += (flags & 0x8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0;
            } while ((flags & 0x20) != 0);
            return new long[] {points, reads};
        }
    }
}
