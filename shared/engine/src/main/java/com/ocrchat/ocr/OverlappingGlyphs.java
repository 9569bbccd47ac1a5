package com.ocrchat.ocr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDFBox's rule for text drawn twice to look bold (the same character again within a third of its width, across and
 * up), in constant time a glyph. PDFBox's own check walks every earlier position within that distance across: one TJ
 * of 100,000 glyphs edging up and across (4 KB) ran past 150 s inside a single operator, where no clock is read.
 * Positions are kept in cells at least as wide as the distance, so only the nine around a glyph are looked in; a cell
 * holds few, since two closer than the distance are one glyph.
 */
final class OverlappingGlyphs {
    private record Cell(String text, int scale, long x, long y) {
        Cell moved(long dx, long dy) {
            return new Cell(text, scale, x + dx, y + dy);
        }
    }

    private final Map<Cell, List<float[]>> seen = new HashMap<>();

    /** Whether the glyph's text was drawn as near before (see {@link #near}); if not, it is remembered. */
    boolean drawnBefore(TextPosition glyph) {
        Cell here = cell(glyph);
        if (here == null) {
            return false; // PDFBox finds no glyph within no distance
        }
        if (near(glyph, here)) {
            return true;
        }
        seen.computeIfAbsent(here, at -> new ArrayList<>(2)).add(new float[] {glyph.getX(), glyph.getY()});
        return false;
    }

    /** Whether the glyph's text was drawn within a third of its width, across and up, without remembering it. */
    boolean near(TextPosition glyph) {
        Cell here = cell(glyph);
        return here != null && near(glyph, here);
    }

    /** Whether an earlier glyph in the nine cells around {@code here} lies within the glyph's distance. */
    private boolean near(TextPosition glyph, Cell here) {
        float distance = distance(glyph);
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                for (float[] earlier : seen.getOrDefault(here.moved(dx, dy), List.of())) {
                    if (Math.abs(earlier[0] - glyph.getX()) < distance
                            && Math.abs(earlier[1] - glyph.getY()) < distance) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static float distance(TextPosition glyph) {
        String text = glyph.getUnicode();
        return text == null || text.isEmpty() ? 0 : glyph.getWidth() / text.length() / 3;
    }

    /**
     * The glyph's cell: cells of 2^scale, at least the distance and under twice it; null for a glyph with no distance
     * or position.
     */
    private static Cell cell(TextPosition glyph) {
        float distance = distance(glyph);
        if (!(distance > 0)
                || !Float.isFinite(distance)
                || !Float.isFinite(glyph.getX())
                || !Float.isFinite(glyph.getY())) {
            return null;
        }
        int scale = Math.getExponent(distance) + 1;
        return new Cell(glyph.getUnicode(), scale, (long) Math.floor(Math.scalb(glyph.getX(), -scale)), (long)
                Math.floor(Math.scalb(glyph.getY(), -scale)));
    }
}
