package com.ocrchat.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.TessAPI;

/**
 * A page's text blocks in reading order, as Tesseract's layout analysis finds them, each with its lines' boxes;
 * and one cut of those lines near the middle of their work, so that the page's parts can be shared by two cores
 * (Tesseract reads a page on one) with none of them holding much more than half of it. A line's work for the LSTM
 * is its width over its height: the network steps along the line scaled to a fixed height.
 */
final class PageRegions {
    private static final int RIL_BLOCK = ITessAPI.TessPageIteratorLevel.RIL_BLOCK;
    private static final int RIL_TEXTLINE = ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE;

    /** Below this much work (a few lines) a second thread costs more than it saves. */
    static final double LEAST_WORK = 150;

    /** A cut that leaves more than this share of the work on one side is not worth a second thread. */
    static final double MOST_UNEVEN = 0.7;

    /** Lines are taken with this margin of page around them (their boxes are the ink's own). */
    static final int MARGIN = 4;

    private PageRegions() {}

    /** A rectangle of the page, top and bottom exclusive of each other where two meet. */
    record Box(int left, int top, int right, int bottom) {
        boolean overlaps(Box other) {
            return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
        }

        int width() {
            return right - left;
        }

        int height() {
            return bottom - top;
        }
    }

    /** A text block's lines, top to bottom; {@code vertical} when they run down the page. */
    record Region(List<Box> lines, boolean vertical) {
        double work() {
            return lines.stream().mapToDouble(PageRegions::work).sum();
        }
    }

    /**
     * Part of a block to read alone: its lines, and the box around them (anything in the box outside these lines,
     * such as a neighbouring block reaching in, is left out).
     */
    record Part(Box box, List<Box> lines, boolean vertical) {}

    /** The page's parts in reading order, {@code first} then {@code second}, parted near the middle of their work. */
    record Halves(List<Part> first, List<Part> second) {}

    /** A word's ink is about this share of its line's height (0.76-0.85 on the bench's real pages). */
    static final double WORD_OF_LINE_HEIGHT = 0.8;

    /** Fewer lines than this say too little about the page's type (noise can look like a few tiny lines). */
    static final int LINES_TO_JUDGE_SIZE = 5;

    /** The height of the page's words as their lines show it (the median), or 0 with too few lines to tell. */
    static double wordHeight(List<Region> regions) {
        int[] heights = regions.stream()
                .flatMap(region -> region.lines().stream())
                .mapToInt(line -> Math.min(line.width(), line.height()) - 2 * MARGIN)
                .sorted()
                .toArray();
        return heights.length < LINES_TO_JUDGE_SIZE ? 0 : WORD_OF_LINE_HEIGHT * heights[heights.length / 2];
    }

    /** A block of this many lines or more beside another is a column: a page number beside a running head is not. */
    static final int COLUMN_LINES = 3;

    /** Whether two blocks of several lines stand side by side (columns): one above the other is how one column reads. */
    static boolean sideBySide(List<Region> regions) {
        List<Box> columns = regions.stream()
                .filter(region -> !region.vertical() && region.lines().size() >= COLUMN_LINES)
                .map(region -> around(region.lines()))
                .toList();
        for (int a = 0; a < columns.size(); a++) {
            for (int b = a + 1; b < columns.size(); b++) {
                Box one = columns.get(a);
                Box other = columns.get(b);
                int sharedRows = Math.min(one.bottom(), other.bottom()) - Math.max(one.top(), other.top());
                boolean apart = one.right() <= other.left() || other.right() <= one.left();
                if (apart && sharedRows > Math.min(one.height(), other.height()) / 2) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Box around(List<Box> lines) {
        return new Box(
                lines.stream().mapToInt(Box::left).min().orElse(0),
                lines.stream().mapToInt(Box::top).min().orElse(0),
                lines.stream().mapToInt(Box::right).max().orElse(0),
                lines.stream().mapToInt(Box::bottom).max().orElse(0));
    }

    /** Steps of the LSTM along a line, horizontal or vertical: its length over its thickness. */
    static double work(Box line) {
        return (double) Math.max(line.width(), line.height()) / Math.max(8, Math.min(line.width(), line.height()));
    }

    /** The text blocks Tesseract's layout analysis finds on the image set on {@code handle}, in reading order. */
    static List<Region> analyse(TessAPI api, TessBaseAPI handle, int width, int height) {
        TessPageIterator position = api.TessBaseAPIAnalyseLayout(handle);
        List<Region> regions = new ArrayList<>();
        if (position == null) {
            return regions;
        }
        try {
            List<Box> lines = null;
            boolean vertical = false;
            do {
                if (ResultCalls.TessPageIteratorIsAtBeginningOf(position, RIL_BLOCK) != 0) {
                    if (lines != null && !lines.isEmpty()) {
                        regions.add(new Region(lines, vertical));
                    }
                    int type = api.TessPageIteratorBlockType(position);
                    vertical = type == ITessAPI.TessPolyBlockType.PT_VERTICAL_TEXT;
                    lines = isText(type) ? new ArrayList<>() : null;
                }
                if (lines != null) {
                    Box line = box(position, RIL_TEXTLINE, width, height, MARGIN);
                    if (line != null) {
                        lines.add(line);
                    }
                }
            } while (ResultCalls.TessPageIteratorNext(position, RIL_TEXTLINE) != 0);
            if (lines != null && !lines.isEmpty()) {
                regions.add(new Region(lines, vertical));
            }
        } finally {
            api.TessPageIteratorDelete(position);
        }
        return regions;
    }

    /** Block types Tesseract recognizes when it reads the whole page; images, rules and noise it does not. */
    private static boolean isText(int type) {
        return switch (type) {
            case ITessAPI.TessPolyBlockType.PT_EQUATION,
                    ITessAPI.TessPolyBlockType.PT_FLOWING_IMAGE,
                    ITessAPI.TessPolyBlockType.PT_HEADING_IMAGE,
                    ITessAPI.TessPolyBlockType.PT_PULLOUT_IMAGE,
                    ITessAPI.TessPolyBlockType.PT_HORZ_LINE,
                    ITessAPI.TessPolyBlockType.PT_VERT_LINE,
                    ITessAPI.TessPolyBlockType.PT_NOISE -> false;
            default -> true;
        };
    }

    private static Box box(TessPageIterator position, int level, int width, int height, int margin) {
        int[] left = new int[1];
        int[] top = new int[1];
        int[] right = new int[1];
        int[] bottom = new int[1];
        if (ResultCalls.TessPageIteratorBoundingBox(position, level, left, top, right, bottom) == 0) {
            return null;
        }
        return new Box(
                Math.max(0, left[0] - margin),
                Math.max(0, top[0] - margin),
                Math.min(width, right[0] + margin),
                Math.min(height, bottom[0] + margin));
    }

    /**
     * The lines cut in two in reading order near the middle of their work: between two blocks, or inside one between
     * two of its lines (preferring, among nearly as even cuts, the widest gap, which is where a paragraph ends). Empty
     * when there is too little text, or when no cut is even enough for a second thread to pay (one block holding
     * most of the work, with no gap to cut it at).
     */
    static Optional<Halves> halves(List<Region> regions) {
        double total = regions.stream().mapToDouble(Region::work).sum();
        if (total < LEAST_WORK) {
            return Optional.empty();
        }
        List<Cut> cuts = new ArrayList<>();
        double before = 0;
        for (int r = 0; r < regions.size(); r++) {
            Region region = regions.get(r);
            cuts.add(new Cut(r, 0, 0, before, Integer.MAX_VALUE));
            List<Box> lines = region.lines();
            // The highest top among lines l.. for every l, once per block (not rescanned for every cut).
            int[] highestFrom = new int[lines.size() + 1];
            highestFrom[lines.size()] = Integer.MAX_VALUE;
            for (int l = lines.size() - 1; l >= 0; l--) {
                highestFrom[l] = Math.min(highestFrom[l + 1], lines.get(l).top());
            }
            double above = 0;
            int lowestAbove = Integer.MIN_VALUE;
            for (int l = 1; l < lines.size(); l++) {
                above += work(lines.get(l - 1));
                lowestAbove = Math.max(lowestAbove, lines.get(l - 1).bottom());
                int highestBelow = highestFrom[l];
                int gap = highestBelow - lowestAbove + 2 * MARGIN; // between the lines' ink
                if (!region.vertical() && gap >= 0) {
                    // Halfway between the lines' ink: the margins of the lines on either side stop there.
                    cuts.add(new Cut(r, l, (lowestAbove + highestBelow) / 2, before + above, gap));
                }
            }
            before += region.work();
        }
        List<Cut> even = cuts.stream()
                .filter(cut -> Math.max(cut.workBefore(), total - cut.workBefore()) <= MOST_UNEVEN * total)
                .toList();
        if (even.isEmpty()) {
            return Optional.empty();
        }
        double best = even.stream()
                .mapToDouble(cut -> Math.abs(cut.workBefore() - total / 2))
                .min()
                .orElseThrow();
        Cut chosen = even.stream()
                .filter(cut -> Math.abs(cut.workBefore() - total / 2) <= best + 0.08 * total)
                .max((a, b) -> Integer.compare(a.gap(), b.gap()))
                .orElseThrow();
        List<Part> first = new ArrayList<>();
        List<Part> second = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            Region region = regions.get(r);
            int split = r < chosen.region() ? region.lines().size() : r > chosen.region() ? 0 : chosen.line();
            boolean inside = split > 0 && split < region.lines().size();
            if (split > 0) {
                first.add(part(
                        region.lines().subList(0, split),
                        Integer.MIN_VALUE,
                        inside ? chosen.y() : Integer.MAX_VALUE,
                        region.vertical()));
            }
            if (split < region.lines().size()) {
                second.add(part(
                        region.lines().subList(split, region.lines().size()),
                        inside ? chosen.y() : Integer.MIN_VALUE,
                        Integer.MAX_VALUE,
                        region.vertical()));
            }
        }
        return Optional.of(new Halves(first, second));
    }

    /**
     * A place to cut: before line {@code line} of region {@code region}, at height {@code y} when inside it; the work
     * before it, the clear gap there.
     */
    private record Cut(int region, int line, int y, double workBefore, int gap) {}

    /** Lines read together, kept between {@code top} and {@code bottom}, in the box around them. */
    private static Part part(List<Box> lines, int top, int bottom, boolean vertical) {
        List<Box> kept = lines.stream()
                .map(line ->
                        new Box(line.left(), Math.max(top, line.top()), line.right(), Math.min(bottom, line.bottom())))
                .toList();
        Box around = new Box(
                kept.stream().mapToInt(Box::left).min().orElseThrow(),
                kept.stream().mapToInt(Box::top).min().orElseThrow(),
                kept.stream().mapToInt(Box::right).max().orElseThrow(),
                kept.stream().mapToInt(Box::bottom).max().orElseThrow());
        return new Part(around, kept, vertical);
    }
}
