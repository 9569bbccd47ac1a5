package com.ocrchat.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a page of one column of text can be cut across, between two lines, so that its two halves are read at once
 * from the start, layout analysis included (which {@link PageRegions} cannot share out: it needs the analysis of the
 * whole page first). Found from the pixels alone, in one pass. A page that may have columns (or a table, or a figure
 * beside text) has no such cut: read in halves across, its columns would interleave. Columns this misses (ruled apart,
 * say) show in the halves' own layouts, and the page is then read whole ({@link PageRegions#sideBySide}). A skewed
 * scan may have no blank row: when no straight cut is found, a cut along a slant is looked for, a blank line between
 * two lines of text stepped in up to {@link #STRIPS} strips of columns (each half gets paper beyond it), whose halves
 * Tesseract's own line finding reads as skewed lines, as it reads the whole page.
 */
final class PageCut {
    /** Bands of the page, each searched for a gutter on its own (a title across the columns hides it in one). */
    static final int BANDS = 8;

    /** A gutter is at least this share of the page's width: wider than the spaces between words. */
    static final double GUTTER = 0.015;

    /** Ink on each side of a gutter spans at least this share of the width, and this share of the band's rows. */
    static final double SIDE_WIDTH = 0.1;

    static final double SIDE_ROWS = 0.25;

    /**
     * The cut leaves at least this share of the ink on either side, and this many lines: a short page (an invoice, a
     * note) is read whole, so Tesseract groups its few lines into blocks with all of them in view.
     */
    static final double LEAST_SHARE = 0.3;

    static final int LEAST_LINES = 8;

    /** A cut this much less even than the evenest is taken instead if its gap is this much wider (a paragraph's end). */
    static final double NEARLY_EVEN = 0.08;

    static final double WIDER_GAP = 1.5;

    /**
     * A slanted cut steps down in up to this many strips of columns (fewer when the width does not part evenly), each a
     * straight row: the search adds up strips, not pixels.
     */
    static final int STRIPS = 32;

    /** Slants tried, in tenths of a degree either way: scans are fed in by hand or by a feeder within a few degrees. */
    static final int SLANTS = 30;

    private PageCut() {}

    /** Where to cut the page (straight if it can, else along its slant), or empty when it is not one column or short. */
    static Optional<SteppedCut> across(byte[] grey, int width, int height) {
        byte paper = width < 64 || height < 64 ? 0 : GreyPixels.paper(grey);
        if ((paper & 0xFF) < 128) {
            return Optional.empty(); // too small to share, or light text on dark paper, which the ink test misses
        }
        int stripWidth = (width + STRIPS - 1) / STRIPS;
        int strips = (width + stripWidth - 1) / stripWidth;
        int[][] stripInk = new int[strips][height];
        Rows rows = new Rows(new int[height], new int[height]);
        int[][] bandColumns = new int[BANDS][width];
        for (int y = 0; y < height; y++) {
            int[] columns = bandColumns[(int) ((long) y * BANDS / height)];
            int first = width;
            int last = -1;
            for (int strip = 0, x = 0; strip < strips; strip++) {
                int ink = 0;
                for (int end = Math.min(width, x + stripWidth), at = y * width + x; x < end; x++, at++) {
                    if ((grey[at] & 0xFF) < 128) {
                        ink++;
                        columns[x]++;
                        first = Math.min(first, x);
                        last = x;
                    }
                }
                stripInk[strip][y] = ink;
            }
            rows.firstInk()[y] = first;
            rows.lastInk()[y] = last;
        }
        for (int band = 0; band < BANDS; band++) {
            int top = (int) ((long) band * height / BANDS);
            int bottom = (int) ((long) (band + 1) * height / BANDS);
            if (hasGutter(rows, width, top, bottom, bandColumns[band])) {
                return Optional.empty();
            }
        }
        OptionalInt straight = cutRow(ink(stripInk, new int[strips]), width);
        if (straight.isPresent()) {
            int[] steps = new int[strips];
            Arrays.fill(steps, straight.getAsInt());
            return Optional.of(new SteppedCut(stripWidth, steps, paper));
        }
        return slantedCut(stripInk, stripWidth, width, height, paper);
    }

    /**
     * A cut along the slant whose stepped rows are most often blank (the page's skew: its lines' gaps line up), at the
     * same kind of blank run {@link #cutRow} looks for straight. Rows are stepped about the page's middle column.
     */
    private static Optional<SteppedCut> slantedCut(
            int[][] stripInk, int stripWidth, int width, int height, byte paper) {
        int speck = Math.max(1, width / 1000);
        int[] bestShifts = null;
        int[] bestInk = null;
        int bestBlank = -1;
        for (int step = 1; step <= 2 * SLANTS; step++) {
            // The straight cut was looked for already; the slightest slants first, so that a tie keeps the slighter.
            int tenths = step % 2 == 1 ? (step + 1) / 2 : -step / 2;
            double slope = Math.tan(Math.toRadians(tenths / 10.0));
            int[] shifts = new int[stripInk.length];
            for (int strip = 0; strip < shifts.length; strip++) {
                shifts[strip] = (int) Math.round(slope * ((strip + 0.5) * stripWidth - width / 2.0));
            }
            int[] ink = ink(stripInk, shifts);
            int blank = 0;
            for (int rowInk : ink) {
                blank += rowInk <= speck ? 1 : 0;
            }
            if (blank > bestBlank) {
                bestBlank = blank;
                bestShifts = shifts;
                bestInk = ink;
            }
        }
        OptionalInt row = cutRow(bestInk, width);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        int[] steps = new int[bestShifts.length];
        for (int strip = 0; strip < steps.length; strip++) {
            // A step off the page leaves all of that strip to one half (rows off the page counted as blank).
            steps[strip] = Math.max(0, Math.min(height, row.getAsInt() + bestShifts[strip]));
        }
        SteppedCut cut = new SteppedCut(stripWidth, steps, paper);
        return cut.topHeight() > 0 && cut.bottomTop() < height ? Optional.of(cut) : Optional.empty();
    }

    /** The ink of each stepped row: row y takes each strip's row y + its shift (rows off the page are blank). */
    private static int[] ink(int[][] stripInk, int[] shifts) {
        int height = stripInk[0].length;
        int[] ink = new int[height];
        for (int strip = 0; strip < shifts.length; strip++) {
            int[] column = stripInk[strip];
            for (int y = Math.max(0, -shifts[strip]); y < height && y + shifts[strip] < height; y++) {
                ink[y] += column[y + shifts[strip]];
            }
        }
        return ink;
    }

    /**
     * Whether, within rows top to bottom, a run of blank columns at least {@link #GUTTER} wide has text on both
     * sides: ink across a tenth of the width, in a quarter of the rows.
     */
    private static boolean hasGutter(Rows rows, int width, int top, int bottom, int[] columns) {
        int inked = 0;
        int[] inkedBefore = new int[width + 1];
        for (int x = 0; x < width; x++) {
            inked += columns[x] > 0 ? 1 : 0;
            inkedBefore[x + 1] = inked;
        }
        int least = (int) Math.ceil(SIDE_WIDTH * width);
        int gutter = Math.max(4, (int) Math.ceil(GUTTER * width));
        int start = -1;
        for (int x = 0; x <= width; x++) {
            boolean blank = x < width && columns[x] == 0;
            if (blank && start < 0) {
                start = x;
            } else if (!blank && start >= 0) {
                if (x - start >= gutter
                        && inkedBefore[start] >= least
                        && inked - inkedBefore[x] >= least
                        && rows.inkedLeftOf(start, top, bottom) >= SIDE_ROWS * (bottom - top)
                        && rows.inkedFrom(x, top, bottom) >= SIDE_ROWS * (bottom - top)) {
                    return true;
                }
                start = -1;
            }
        }
        return false;
    }

    /** Each row's leftmost and rightmost ink (width and -1 for a blank row). */
    private record Rows(int[] firstInk, int[] lastInk) {
        int inkedLeftOf(int x, int top, int bottom) {
            int rows = 0;
            for (int y = top; y < bottom; y++) {
                rows += firstInk[y] < x ? 1 : 0;
            }
            return rows;
        }

        int inkedFrom(int x, int top, int bottom) {
            int rows = 0;
            for (int y = top; y < bottom; y++) {
                rows += lastInk[y] >= x ? 1 : 0;
            }
            return rows;
        }
    }

    /**
     * The middle of a blank run of rows (a speck of noise allowed) with at least {@link #LEAST_SHARE} of the ink and
     * {@link #LEAST_LINES} lines on either side: the one that parts the ink most evenly, or a clearly wider one nearly as
     * even.
     */
    private static OptionalInt cutRow(int[] rowInk, int width) {
        int height = rowInk.length;
        int speck = Math.max(1, width / 1000);
        long[] inkAbove = new long[height + 1];
        int[] linesAbove = new int[height + 1];
        for (int y = 0; y < height; y++) {
            inkAbove[y + 1] = inkAbove[y] + rowInk[y];
            boolean starts = rowInk[y] > speck && (y == 0 || rowInk[y - 1] <= speck);
            linesAbove[y + 1] = linesAbove[y] + (starts ? 1 : 0);
        }
        long total = inkAbove[height];
        int lines = linesAbove[height];
        List<int[]> cuts = new ArrayList<>(); // {row, blank rows}, each even enough
        double evenest = 1;
        int start = -1;
        for (int y = 0; y <= height; y++) {
            boolean blank = y < height && rowInk[y] <= speck;
            if (blank && start < 0) {
                start = y;
            } else if (!blank && start >= 0) {
                int middle = (start + y) / 2;
                double share = (double) inkAbove[middle] / Math.max(1, total);
                if (start > 0
                        && y < height
                        && Math.min(share, 1 - share) >= LEAST_SHARE
                        && linesAbove[middle] >= LEAST_LINES
                        && lines - linesAbove[middle] >= LEAST_LINES) {
                    cuts.add(new int[] {middle, y - start});
                    evenest = Math.min(evenest, Math.abs(share - 0.5));
                }
                start = -1;
            }
        }
        // The evenest cut; but a clearly wider gap among the nearly as even ones, which is where a paragraph ends,
        // not between two lines of one.
        int best = -1;
        int bestGap = 0;
        for (int[] cut : cuts) {
            if (Math.abs((double) inkAbove[cut[0]] / Math.max(1, total) - 0.5) <= evenest) {
                best = cut[0];
                bestGap = cut[1];
            }
        }
        double clearlyWider = WIDER_GAP * bestGap;
        for (int[] cut : cuts) {
            double share = (double) inkAbove[cut[0]] / Math.max(1, total);
            if (Math.abs(share - 0.5) <= evenest + NEARLY_EVEN && cut[1] >= clearlyWider && cut[1] > bestGap) {
                best = cut[0];
                bestGap = cut[1];
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }
}
