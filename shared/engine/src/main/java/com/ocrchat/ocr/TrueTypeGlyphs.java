package com.ocrchat.ocr;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The glyphs of a TrueType font as FontBox reads them to draw them: a composite glyph's parts read one by one, as often
 * as they are placed (FontBox keeps no glyph of a font of 5,000 glyphs or more), and as deep as the font itself says
 * parts may nest. Each glyph's points and reads are worked out once, and refused past a budget or made of itself.
 */
final class TrueTypeGlyphs {
    /** Points of one glyph, its components expanded: the most complex glyphs of real fonts have a few thousand. */
    static final long MOST_GLYPH_POINTS = 1 << 16;
    /** Glyph descriptions FontBox reads to draw one glyph: it keeps none for a font of 5,000 glyphs or more. */
    static final long MOST_GLYPH_READS = 1 << 10;
    /** Components nested in one glyph: fonts nest two or three; FontBox follows the font's own claim. */
    static final int MOST_COMPONENT_DEPTH = 16;

    /**
     * Coordinate lookups to draw one glyph: FontBox asks a part for both of a point's coordinates to answer either
     * one, so each point costs 2^(nesting + 1); a real glyph of 2,000 points two deep takes 16,000.
     */
    static final long MOST_GLYPH_LOOKUPS = 1 << 24;
    /** Components of one composite glyph: FontBox looks each point up among them, so points times components. */
    static final int MOST_COMPONENTS = 256;

    /** What drawing a glyph takes: its points, the glyph descriptions FontBox reads for it, how deep its parts nest. */
    private record Drawn(long points, long reads, int nesting) {
        long lookups() {
            return points << (nesting + 1);
        }
    }

    private final Map<Integer, Drawn> known = new HashMap<>();
    private final ByteBuffer glyf;
    private final ByteBuffer loca;
    private final ByteBuffer head;
    private final int glyphs;

    TrueTypeGlyphs(ByteBuffer glyf, ByteBuffer loca, ByteBuffer head, int glyphs) {
        this.glyf = glyf;
        this.loca = loca;
        this.head = head;
        this.glyphs = glyphs;
    }

    private static final Drawn BEING_READ = new Drawn(-1, -1, 0);

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

    /** A glyph's points and glyph reads; refused past a budget, or made of itself. */
    private Drawn glyph(int glyph, int depth) {
        Drawn counts = known.get(glyph);
        if (counts == BEING_READ) {
            throw new FontOverBudget("a glyph of an embedded font in it is made of itself");
        }
        if (counts != null) {
            return counts;
        }
        if (depth > MOST_COMPONENT_DEPTH) {
            throw new FontOverBudget(
                    "a glyph of an embedded font in it nests components more than " + MOST_COMPONENT_DEPTH + " deep");
        }
        known.put(glyph, BEING_READ);
        counts = read(glyph, depth);
        if (counts.nesting() > MOST_COMPONENT_DEPTH) {
            throw new FontOverBudget(
                    "a glyph of an embedded font in it nests components more than " + MOST_COMPONENT_DEPTH + " deep");
        }
        if (counts.points() > MOST_GLYPH_POINTS || counts.reads() > MOST_GLYPH_READS) {
            throw new FontOverBudget("a glyph of an embedded font in it has more than " + MOST_GLYPH_POINTS + " points,"
                    + " or reads glyphs more than " + MOST_GLYPH_READS + " times, with its components");
        }
        if (counts.lookups() > MOST_GLYPH_LOOKUPS) {
            throw new FontOverBudget("a glyph of an embedded font in it takes more than " + MOST_GLYPH_LOOKUPS
                    + " coordinate lookups to draw, its points times two to the depth of its parts");
        }
        known.put(glyph, counts);
        return counts;
    }

    private Drawn read(int glyph, int depth) {
        if (glyph >= glyphs) {
            return new Drawn(0, 1, 0); // FontBox has no such glyph, and draws nothing for it
        }
        boolean longOffsets = head.getShort(50) == 1;
        long start = longOffsets ? loca.getInt(4 * glyph) & 0xFFFFFFFFL : 2L * (loca.getShort(2 * glyph) & 0xFFFF);
        long end =
                longOffsets ? loca.getInt(4 * glyph + 4) & 0xFFFFFFFFL : 2L * (loca.getShort(2 * glyph + 2) & 0xFFFF);
        if (end == start || start + 10 > glyf.limit()) {
            return new Drawn(0, 1, 0); // empty (FontBox reads a glyph ending before it starts), or out of the file
        }
        try {
            int at = (int) start;
            int contours = glyf.getShort(at);
            if (contours >= 0) {
                return new Drawn(contours == 0 ? 0 : (glyf.getShort(at + 10 + 2 * (contours - 1)) & 0xFFFF) + 1, 1, 0);
            }
            return composite(at + 10, depth);
        } catch (IndexOutOfBoundsException truncated) {
            return new Drawn(0, 1, 0); // FontBox fails to read this glyph, and draws nothing for it
        }
    }

    /** A composite's points and glyph reads: FontBox reads each component as often as it is placed. */
    private Drawn composite(int at, int depth) {
        long points = 0;
        long reads = 1;
        int nesting = 0;
        int flags;
        int components = 0;
        do {
            flags = glyf.getShort(at) & 0xFFFF;
            int component = glyf.getShort(at + 2) & 0xFFFF;
            if (++components > MOST_COMPONENTS) {
                throw new FontOverBudget(
                        "a glyph of an embedded font in it has more than " + MOST_COMPONENTS + " components");
            }
            Drawn counts = glyph(component, depth + 1);
            points += counts.points();
            reads += counts.reads();
            nesting = Math.max(nesting, counts.nesting() + 1);
            at += 4 + ((flags & 0x1) != 0 ? 4 : 2);
            at += (flags & 0x8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0;
        } while ((flags & 0x20) != 0);
        return new Drawn(points, reads, nesting);
    }
}
