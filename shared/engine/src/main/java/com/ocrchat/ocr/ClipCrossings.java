package com.ocrchat.ocr;

import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether clipping paths are too tangled for Java2D to intersect: PDFBox makes an {@code Area} of each clip in force
 * and intersects them, whose work and memory grow with the points where the paths cross themselves and each other (a
 * star of 2,000 points, about a million crossings, took 97 s and 2.2 GB inside one operator). Crossings are counted on a grid, each cell's segments against
 * each other, stopping at the limit; a page's outline, a map's borders or a glyph have none or a few.
 */
final class ClipCrossings {
    /** More crossings than any drawing's clip has. */
    static final int MOST_CROSSINGS = 20_000;

    /** Segments of the flattened path, and pairs of them tested, past which the path is too tangled too. */
    static final int MOST_SEGMENTS = 200_000;

    private static final long MOST_PAIRS = 50_000_000;
    private static final double FLATNESS = 0.5;

    private ClipCrossings() {}

    /** Why this clipping path (in device space) is too costly to clip with, or null. */
    static String tooTangled(Shape path) {
        List<double[]> segments = new ArrayList<>();
        double[] point = new double[6];
        double startX = 0;
        double startY = 0;
        double lastX = 0;
        double lastY = 0;
        for (PathIterator it = path.getPathIterator(null, FLATNESS); !it.isDone(); it.next()) {
            int type = it.currentSegment(point);
            if (type == PathIterator.SEG_MOVETO) {
                startX = lastX = point[0];
                startY = lastY = point[1];
                continue;
            }
            double x = type == PathIterator.SEG_CLOSE ? startX : point[0];
            double y = type == PathIterator.SEG_CLOSE ? startY : point[1];
            segments.add(new double[] {lastX, lastY, x, y});
            if (segments.size() > MOST_SEGMENTS) {
                return "its clipping paths have more than " + MOST_SEGMENTS + " segments";
            }
            lastX = x;
            lastY = y;
        }
        return segments.size() < 64 ? null : crossings(segments);
    }

    private static String crossings(List<double[]> segments) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] s : segments) {
            minX = Math.min(minX, Math.min(s[0], s[2]));
            maxX = Math.max(maxX, Math.max(s[0], s[2]));
            minY = Math.min(minY, Math.min(s[1], s[3]));
            maxY = Math.max(maxY, Math.max(s[1], s[3]));
        }
        if (!(maxX - minX < Double.MAX_VALUE) || !(maxY - minY < Double.MAX_VALUE)) {
            return null; // not finite: Java2D drops it
        }
        int side = (int) Math.min(1024, Math.ceil(Math.sqrt(segments.size())));
        double cellWidth = Math.max((maxX - minX) / side, 1e-9);
        double cellHeight = Math.max((maxY - minY) / side, 1e-9);
        List<List<Integer>> cells = new ArrayList<>();
        for (int i = 0; i < side * side; i++) {
            cells.add(new ArrayList<>());
        }
        long placed = 0;
        for (int index = 0; index < segments.size(); index++) {
            double[] s = segments.get(index);
            int fromX = cell(Math.min(s[0], s[2]), minX, cellWidth, side);
            int toX = cell(Math.max(s[0], s[2]), minX, cellWidth, side);
            int fromY = cell(Math.min(s[1], s[3]), minY, cellHeight, side);
            int toY = cell(Math.max(s[1], s[3]), minY, cellHeight, side);
            placed += (long) (toX - fromX + 1) * (toY - fromY + 1);
            if (placed > MOST_PAIRS) {
                return "its clipping paths are too tangled to clip with";
            }
            for (int cx = fromX; cx <= toX; cx++) {
                for (int cy = fromY; cy <= toY; cy++) {
                    cells.get(cy * side + cx).add(index);
                }
            }
        }
        long pairs = 0;
        long crossings = 0;
        for (List<Integer> cell : cells) {
            pairs += (long) cell.size() * (cell.size() - 1) / 2;
            if (pairs > MOST_PAIRS) {
                return "its clipping paths are too tangled to clip with";
            }
            for (int i = 0; i < cell.size(); i++) {
                for (int j = i + 1; j < cell.size(); j++) {
                    if (cross(segments.get(cell.get(i)), segments.get(cell.get(j))) && ++crossings > MOST_CROSSINGS) {
                        return "its clipping paths cross more than " + MOST_CROSSINGS + " times";
                    }
                }
            }
        }
        return null;
    }

    private static int cell(double value, double min, double size, int side) {
        return (int) Math.max(0, Math.min(side - 1, (value - min) / size));
    }

    /** Whether two segments cross at a point inside both (touching ends, as a path's next segment does, is not). */
    private static boolean cross(double[] a, double[] b) {
        double d1 = orientation(b[0], b[1], b[2], b[3], a[0], a[1]);
        double d2 = orientation(b[0], b[1], b[2], b[3], a[2], a[3]);
        double d3 = orientation(a[0], a[1], a[2], a[3], b[0], b[1]);
        double d4 = orientation(a[0], a[1], a[2], a[3], b[2], b[3]);
        return d1 * d2 < 0 && d3 * d4 < 0;
    }

    private static double orientation(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }
}
