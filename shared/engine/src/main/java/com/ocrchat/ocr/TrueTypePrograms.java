package com.ocrchat.ocr;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * lookups share one subtable filled a 2 GB heap in two seconds, a cmap of 40,000 twelve-byte groups kept a core busy
 * for 72 s, and a glyph of 200 cubed components asked for 800 million points. So the substitutions, which nothing here
 * or in a PDF viewer reads for a PDF's glyphs, are dropped (and a name table whose strings come to more than a
 * megabyte), and what FontBox makes of the rest is counted
 * in its own arithmetic: the codes and glyph slots of the cmap ({@link TrueTypeCmaps}), and each glyph's points and
 * glyph reads with its components expanded. Hinting tables and checksums are kept, for viewers of the pages kept as
 * they are.
 */
final class TrueTypePrograms {
    /** Codes and glyph slots FontBox fills from one font's cmap subtables: twice all of Unicode. */
    static final long MOST_CMAP_ENTRIES = 1 << 21;

    /** Bytes the name table's records read together: real fonts' names come to a few kilobytes. */
    static final long MOST_NAME_BYTES = 1 << 20;

    /** Tables FontBox parses following offsets that may share parts, which nothing drawing a PDF's glyphs reads. */
    private static final Set<String> DROPPED = Set.of("GSUB");

    /** The versions of a TrueType or OpenType font: only such a program is rewritten. */
    private static final Set<Integer> SFNT = Set.of(0x00010000, 0x74727565, 0x4F54544F);

    /**
     * What checking a program found: the codes its cmap maps (a map entry each), why it is over budget (or null), and
     * the program as it now is (rewritten, or the bytes it was checked in).
     */
    record Checked(long codes, String overBudget, byte[] program) {}

    /** A table as the font lists it. */
    private record Table(int checksum, int offset, int length) {}

    private final ByteBuffer font;
    private final Map<String, Table> tables;
    private final int glyphs;

    private TrueTypePrograms(ByteBuffer font, Map<String, Table> tables) {
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
        TrueTypePrograms font = read(ByteBuffer.wrap(bytes));
        if (font == null) {
            return new Checked(0, null, bytes); // FontBox fails on its table directory before it parses any table
        }
        Set<String> dropped = font.dropped();
        if (!dropped.isEmpty()) {
            if (!SFNT.contains(font.font.getInt(0)) || font.listedBytes() > 2L * bytes.length) {
                return new Checked(
                        0,
                        "an embedded font in it lists tables " + dropped + " not to be read, or tables that overlap",
                        bytes);
            }
            byte[] kept = font.without(dropped);
            program.removeItem(COSName.DECODE_PARMS);
            try (OutputStream out = program.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(kept);
            }
            program.setInt(COSName.LENGTH1, kept.length);
            bytes = kept;
            font = read(ByteBuffer.wrap(kept));
        }
        TrueTypeCmaps cmaps = TrueTypeCmaps.count(font.from("cmap"), font.glyphs);
        if (cmaps.entries() > MOST_CMAP_ENTRIES) {
            return new Checked(
                    cmaps.codes(),
                    "an embedded font in it maps more than " + MOST_CMAP_ENTRIES + " codes and glyphs in its cmap",
                    bytes);
        }
        try {
            new TrueTypeGlyphs(font.table("glyf"), font.from("loca"), font.from("head"), font.glyphs).check();
        } catch (FontOverBudget refused) {
            return new Checked(cmaps.codes(), refused.getMessage(), bytes);
        }
        return new Checked(cmaps.codes(), null, bytes);
    }

    /** The tables as FontBox keeps them (the last of a tag; none empty but glyf, none past the end), or null. */
    private static TrueTypePrograms read(ByteBuffer font) {
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
            if (offset + length <= font.limit() && (length > 0 || name.equals("glyf"))) {
                tables.remove(name); // a later valid entry replaces an earlier one; a skipped one leaves it
                tables.put(name, new Table(font.getInt(entry + 4), (int) offset, (int) length));
            }
        }
        return new TrueTypePrograms(font, tables);
    }

    /** A table from its offset to the end of the program, as FontBox reads it; null when the font has none. */
    private ByteBuffer from(String tag) {
        Table table = tables.get(tag);
        return table == null ? null : font.slice(table.offset(), font.limit() - table.offset());
    }

    /** A table as its length says, as FontBox copies the glyphs' table before it reads a glyph; null when none. */
    private ByteBuffer table(String tag) {
        Table table = tables.get(tag);
        return table == null ? null : font.slice(table.offset(), table.length());
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

    /** The bytes its tables claim together: no more than the program's in a font whose tables do not overlap. */
    private long listedBytes() {
        return tables.values().stream().mapToLong(Table::length).sum();
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
}
