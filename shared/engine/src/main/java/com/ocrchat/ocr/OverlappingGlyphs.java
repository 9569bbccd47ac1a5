package com.ocrchat.ocr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PDFBox's rule for text drawn twice to look bold (the same character again within a third of its width, across and
 * up), in constant time a glyph. PDFBox's own check walks every earlier position within that distance across: one TJ
 * of 100,000 glyphs edging up and across (4 KB) ran past 150 s inside a single operator, where no clock is read.
 * Positions are kept in cells at least as wide as the distance, so only the nine around a glyph are looked in; a cell
 * holds few, since two closer than the distance are one glyph.
 */
final class OverlappingGlyphs {
    private record Cell(String text, int scale, long x, long y) {}

    private final Map<Cell, List<float[]>> seen = new HashMap<>();

    /** Whether the text was drawn within {@code distance} of here before; if not, it is remembered. */
    boolean drawnBefore(String text, float x, float y, float distance) {
        if (near(text, x, y, distance)) {
            return true;
        }
        if (!(distance > 0) || !Float.isFinite(distance) || !Float.isFinite(x) || !Float.isFinite(y)) {
            return false;
        }
        int scale = Math.getExponent(distance) + 1;
        seen.computeIfAbsent(
                        new Cell(text, scale, (long) Math.floor(Math.scalb(x, -scale)), (long)
                                Math.floor(Math.scalb(y, -scale))),
                        cell -> new ArrayList<>(2))
                .add(new float[] {x, y});
        return false;
    }

    /** Whether this glyph's text was drawn as near as {@link #drawnBefore} takes it for the same glyph. */
    boolean near(org.apache.pdfbox.text.TextPosition glyph) {
        String text = glyph.getUnicode();
        return text != null
                && !text.isEmpty()
                && near(text, glyph.getX(), glyph.getY(), glyph.getWidth() / text.length() / 3);
    }

    /** Whether the text was drawn within {@code distance} of here before, without remembering this one. */
    boolean near(String text, float x, float y, float distance) {
        if (!(distance > 0) || !Float.isFinite(distance) || !Float.isFinite(x) || !Float.isFinite(y)) {
            return false; // PDFBox finds no glyph within no distance
        }
        int scale = Math.getExponent(distance) + 1; // cells of 2^scale, at least the distance and under twice it
        long cellX = (long) Math.floor(Math.scalb(x, -scale));
        long cellY = (long) Math.floor(Math.scalb(y, -scale));
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                for (float[] earlier : seen.getOrDefault(new Cell(text, scale, cellX + dx, cellY + dy), List.of())) {
                    if (Math.abs(earlier[0] - x) < distance && Math.abs(earlier[1] - y) < distance) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
