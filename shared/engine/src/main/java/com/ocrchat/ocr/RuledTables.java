package com.ocrchat.ocr;

import com.ocrchat.page.Block;
import com.ocrchat.page.Table;
import com.ocrchat.page.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tables drawn with ruling lines, found in the page image: long, thin runs of dark pixels make the
 * horizontal and vertical rules; rules that cross form a grid, and a grid of at least two rows and two
 * columns is a table whose cells take the words whose centres fall inside them. This keeps a ruled
 * table a table even where its cells hold sentences, which word alignment alone would read as prose.
 */
final class RuledTables {
    private static final int DARK = 128;

    private RuledTables() {}

    /** A rule: along {@code from..to} at {@code at} (y for a horizontal rule, x for a vertical one). */
    private record Rule(int from, int to, int at) {}

    static List<Table> find(byte[] grey, int width, int height, List<Block> blocks) {
        int minLength = Math.max(60, Math.min(width, height) / 12);
        int maxThickness = Math.max(6, Math.min(width, height) / 150);
        List<Rule> horizontal = rules(grey, width, height, minLength, maxThickness);
        if (horizontal.size() < 3) {
            return List.of(); // most pages: no grid, and no need to look for vertical rules
        }
        // Vertical rules are the horizontal rules of the page turned on its diagonal (read down a column, every
        // pixel is a cache miss; read along a row of the transposed page, none is).
        List<Rule> vertical = rules(transposed(grey, width, height), height, width, minLength, maxThickness);
        if (vertical.size() < 3) {
            return List.of();
        }
        List<Word> words = new ArrayList<>();
        blocks.forEach(block -> words.addAll(block.words()));
        List<Table> tables = new ArrayList<>();
        boolean[] usedH = new boolean[horizontal.size()];
        for (int start = 0; start < horizontal.size(); start++) {
            if (usedH[start]) {
                continue;
            }
            // The grid a horizontal rule belongs to: the rules connected to it through crossings.
            List<Rule> gridH = new ArrayList<>(List.of(horizontal.get(start)));
            List<Rule> gridV = new ArrayList<>();
            usedH[start] = true;
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Rule v : vertical) {
                    if (!gridV.contains(v) && gridH.stream().anyMatch(h -> crosses(h, v, maxThickness * 2))) {
                        gridV.add(v);
                        grew = true;
                    }
                }
                for (int i = 0; i < horizontal.size(); i++) {
                    Rule h = horizontal.get(i);
                    if (!usedH[i] && gridV.stream().anyMatch(v -> crosses(h, v, maxThickness * 2))) {
                        gridH.add(h);
                        usedH[i] = true;
                        grew = true;
                    }
                }
            }
            List<Integer> ys = positions(gridH, maxThickness * 2);
            List<Integer> xs = positions(gridV, maxThickness * 2);
            if (ys.size() >= 3 && xs.size() >= 3) {
                table(ys, xs, words).ifPresent(tables::add);
            }
        }
        return tables;
    }

    /** The page turned on its diagonal: row x of the result is column x of the page. Done in tiles, for the cache. */
    private static byte[] transposed(byte[] grey, int width, int height) {
        byte[] turned = new byte[grey.length];
        int tile = 64;
        for (int y0 = 0; y0 < height; y0 += tile) {
            for (int x0 = 0; x0 < width; x0 += tile) {
                int yEnd = Math.min(height, y0 + tile);
                int xEnd = Math.min(width, x0 + tile);
                for (int y = y0; y < yEnd; y++) {
                    for (int x = x0; x < xEnd; x++) {
                        turned[x * height + y] = grey[y * width + x];
                    }
                }
            }
        }
        return turned;
    }

    /** Runs of dark pixels of at least {@code minLength} along rows, merged across adjacent rows into rules no thicker than allowed. */
    private static List<Rule> rules(byte[] grey, int width, int height, int minLength, int maxThickness) {
        int lines = height;
        int length = width;
        List<Rule> open = new ArrayList<>();
        List<int[]> thickness = new ArrayList<>(); // per open rule: first and last line it was seen on
        List<Rule> rules = new ArrayList<>();
        List<int[]> finished = new ArrayList<>();
        for (int line = 0; line < lines; line++) {
            List<int[]> runs = longRuns(grey, line * width, length, minLength);
            List<Rule> stillOpen = new ArrayList<>();
            List<int[]> stillThickness = new ArrayList<>();
            for (int r = 0; r < open.size(); r++) {
                Rule rule = open.get(r);
                int[] run = runs.stream()
                        .filter(candidate -> candidate[0] <= rule.to() && candidate[1] >= rule.from())
                        .findFirst()
                        .orElse(null);
                if (run != null) {
                    runs.remove(run);
                    stillOpen.add(new Rule(Math.min(rule.from(), run[0]), Math.max(rule.to(), run[1]), rule.at()));
                    stillThickness.add(new int[] {thickness.get(r)[0], line});
                } else {
                    rules.add(rule);
                    finished.add(thickness.get(r));
                }
            }
            for (int[] run : runs) {
                stillOpen.add(new Rule(run[0], run[1], line));
                stillThickness.add(new int[] {line, line});
            }
            open = stillOpen;
            thickness = stillThickness;
        }
        rules.addAll(open);
        finished.addAll(thickness);
        List<Rule> thin = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            int[] seen = finished.get(i);
            if (seen[1] - seen[0] + 1 <= maxThickness) {
                thin.add(new Rule(rules.get(i).from(), rules.get(i).to(), (seen[0] + seen[1]) / 2));
            }
        }
        thin.sort(Comparator.comparingInt(Rule::at));
        return thin;
    }

    /**
     * The runs of dark pixels at least {@code minLength} long in the row of {@code length} pixels at {@code offset}, as
     * first and last index. Every such run holds one pixel of the grid of every {@code minLength}-th, so only those
     * are looked at, and each dark one is grown into its run (11 real pages' rows in 22-71 ms instead of 595-662 ms).
     */
    static List<int[]> longRuns(byte[] grey, int offset, int length, int minLength) {
        List<int[]> runs = new ArrayList<>();
        int seen = -1; // the light pixel (or the row's end) just past the last run grown
        for (int i = minLength - 1; i < length; i += minLength) {
            if (i <= seen || !dark(grey, offset + i)) {
                continue;
            }
            int first = i;
            while (first > seen + 1 && dark(grey, offset + first - 1)) {
                first--;
            }
            int last = i;
            while (last + 1 < length && dark(grey, offset + last + 1)) {
                last++;
            }
            if (last - first + 1 >= minLength) {
                runs.add(new int[] {first, last});
            }
            seen = last + 1;
        }
        return runs;
    }

    private static boolean dark(byte[] grey, int index) {
        return (grey[index] & 0xFF) < DARK;
    }

    private static boolean crosses(Rule h, Rule v, int tolerance) {
        return v.at() >= h.from() - tolerance
                && v.at() <= h.to() + tolerance
                && h.at() >= v.from() - tolerance
                && h.at() <= v.to() + tolerance;
    }

    /** The rules' positions, sorted, those closer than {@code tolerance} counted once. */
    private static List<Integer> positions(List<Rule> rules, int tolerance) {
        List<Integer> sorted = rules.stream().map(Rule::at).sorted().toList();
        List<Integer> distinct = new ArrayList<>();
        for (int at : sorted) {
            if (distinct.isEmpty() || at - distinct.get(distinct.size() - 1) > tolerance) {
                distinct.add(at);
            }
        }
        return distinct;
    }

    private static java.util.Optional<Table> table(List<Integer> ys, List<Integer> xs, List<Word> words) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r + 1 < ys.size(); r++) {
            List<String> cells = new ArrayList<>();
            boolean any = false;
            for (int c = 0; c + 1 < xs.size(); c++) {
                int x0 = xs.get(c), x1 = xs.get(c + 1), y0 = ys.get(r), y1 = ys.get(r + 1);
                List<Word> inside = words.stream()
                        .filter(word -> {
                            double cx = (word.bbox()[0] + word.bbox()[2]) / 2.0;
                            double cy = (word.bbox()[1] + word.bbox()[3]) / 2.0;
                            return cx > x0 && cx < x1 && cy > y0 && cy < y1;
                        })
                        .toList();
                any |= !inside.isEmpty();
                cells.add(String.join(" ", inside.stream().map(Word::text).toList()));
            }
            if (any) {
                rows.add(cells);
            }
        }
        if (rows.size() < 2) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Table(
                rows, new int[] {xs.get(0), ys.get(0), xs.get(xs.size() - 1), ys.get(ys.size() - 1)}));
    }
}
