package com.ocrchat.ocr;

import com.ocrchat.page.TextDirection;
import com.ocrchat.page.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * A text layer's lines in reading order where the page is set in columns. PDFBox, sorting a page's glyphs by
 * position, joins the lines of both columns that share a baseline into one ("jumps over quick brown fox"). Where a
 * blank gutter parts many lines of prose, the run of lines it parts is read column by column (the right first on a
 * page mostly right to left), each column parted again where it is itself two; a line across the gutter (a title, a
 * figure's caption) ends the run. Rows of a table or an invoice, a few words either side of a gap, stay rows.
 */
final class TextColumns {
    /** Lines a gutter must part, at least, and of the page's lines. */
    private static final int FEWEST_LINES = 6;

    private static final double SHARE_OF_LINES = 0.3;

    /** Lines across the gutter, at most, of the page's: a title, an abstract, a caption across both columns. */
    private static final double MOST_CROSSING = 0.3;

    /** Words with a digit, at most, of the parted lines': prose, not a table of figures. */
    private static final double MOST_NUMBERS = 0.2;

    /** Words each side of the gutter in a parted line, on average: prose, not a table's cells. */
    private static final double PROSE_WORDS = 3;

    /**
     * Times a column is parted again, at most: each side of a gutter may be columns of its own (three or four on a
     * newsletter's or a magazine's page); a page of many narrow columns costs a pass over its words for each.
     */
    private static final int MOST_PARTINGS = 3;

    private TextColumns() {}

    /** The lines in reading order, on a page {@code width} pixels wide. */
    static List<List<Word>> inReadingOrder(List<List<Word>> lines, int width) {
        return inReadingOrder(lines, width, MOST_PARTINGS);
    }

    private static List<List<Word>> inReadingOrder(List<List<Word>> lines, int width, int partings) {
        int gutter = partings == 0 ? -1 : gutter(lines, width);
        if (gutter < 0) {
            return lines;
        }
        List<List<Word>> ordered = new ArrayList<>();
        List<List<Word>> left = new ArrayList<>();
        List<List<Word>> right = new ArrayList<>();
        boolean rightFirst = rightToLeft(lines); // Hebrew and Arabic columns are read from the right
        for (List<Word> line : lines) {
            if (crosses(line, gutter)) {
                flush(ordered, rightFirst ? right : left, rightFirst ? left : right, width, partings - 1);
                ordered.add(line);
                continue;
            }
            List<Word> leftPart = new ArrayList<>();
            List<Word> rightPart = new ArrayList<>();
            for (Word word : line) {
                (word.bbox()[2] <= gutter ? leftPart : rightPart).add(word);
            }
            if (!leftPart.isEmpty()) {
                left.add(leftPart);
            }
            if (!rightPart.isEmpty()) {
                right.add(rightPart);
            }
        }
        flush(ordered, rightFirst ? right : left, rightFirst ? left : right, width, partings - 1);
        return ordered;
    }

    /** Whether most of the words read right to left (their first strongly directed letter is Hebrew, Arabic, ...). */
    static boolean rightToLeft(List<List<Word>> lines) {
        long words = 0;
        long rightToLeft = 0;
        for (List<Word> line : lines) {
            for (Word word : line) {
                words++;
                rightToLeft += TextDirection.isRightToLeft(word.text()) ? 1 : 0;
            }
        }
        return 2 * rightToLeft > words;
    }

    /** The run's first column and then its second, each parted again where it is itself set in columns. */
    private static void flush(
            List<List<Word>> ordered, List<List<Word>> first, List<List<Word>> second, int width, int partings) {
        ordered.addAll(inReadingOrder(first, width, partings));
        ordered.addAll(inReadingOrder(second, width, partings));
        first.clear();
        second.clear();
    }

    private static boolean crosses(List<Word> line, int x) {
        for (Word word : line) {
            if (word.bbox()[0] < x && word.bbox()[2] > x) {
                return true;
            }
        }
        return false;
    }

    /**
     * The x of a blank gutter down the middle half of the text, or -1: where fewest lines have a word across it, with
     * lines of prose (three words a side, on average) on both sides of it, and few lines across it.
     */
    private static int gutter(List<List<Word>> lines, int width) {
        int left = Integer.MAX_VALUE;
        int right = 0;
        for (List<Word> line : lines) { // within the page: a glyph's advance may claim any width
            for (Word word : line) {
                left = Math.min(left, Math.min(width, Math.max(0, word.bbox()[0])));
                right = Math.max(right, Math.min(width, word.bbox()[2]));
            }
        }
        if (lines.size() < 2 * FEWEST_LINES || right - left < 4) {
            return -1;
        }
        int[] across = new int[right - left + 2]; // lines with a word across each x, as differences
        for (List<Word> line : lines) {
            for (Word word : line) {
                int from = Math.max(left, word.bbox()[0]) + 1;
                int to = Math.min(right, word.bbox()[2]); // across x when from <= x < to
                if (from < to) {
                    across[from - left]++;
                    across[to - left]--;
                }
            }
        }
        int[] crossing = new int[right - left + 1];
        int fewest = Integer.MAX_VALUE;
        for (int x = left, count = 0; x <= right; x++) {
            count += across[x - left];
            crossing[x - left] = count;
            if (4L * (x - left) >= right - left && 4L * (right - x) >= right - left) {
                fewest = Math.min(fewest, count);
            }
        }
        // The middle of the widest run of x crossed by fewest lines, give or take a tenth of them: a gutter, not a gap
        // between words. The lines across a gutter (a title, an abstract, a caption, a footer) cross it here and there,
        // where a space of theirs falls, and the fewest alone would be a space's width.
        int most = Math.max(fewest, lines.size() / 10);
        int best = -1;
        int widest = 0;
        for (int x = left + (right - left) / 4, run = 0; 4L * (right - x) >= right - left; x++) {
            run = crossing[x - left] <= most ? run + 1 : 0;
            if (run > widest) {
                widest = run;
                best = x - run / 2;
            }
        }
        return 5L * widest >= 4L * medianHeight(lines) && parts(lines, best) ? best : -1;
    }

    /**
     * The median height of the words (about 0.6 of the type's size for PDFBox): a gutter, an em or more, is at least
     * 0.8 of it, where the space between two words is about half of it (left-aligned lines that begin alike, "The
     * left column says ...", leave a straight blank between words).
     */
    private static int medianHeight(List<List<Word>> lines) {
        int[] heights = lines.stream()
                .flatMap(List::stream)
                .mapToInt(word -> word.bbox()[3] - word.bbox()[1])
                .sorted()
                .toArray();
        return heights[heights.length / 2];
    }

    private static boolean hasLetter(Word word) {
        return word.text().codePoints().anyMatch(Character::isLetter);
    }

    /** Whether the gutter parts prose into two columns of many lines, few lines crossing it. */
    private static boolean parts(List<List<Word>> lines, int gutter) {
        int leftLines = 0, rightLines = 0, crossing = 0;
        long leftWords = 0, rightWords = 0, numbers = 0;
        for (List<Word> line : lines) {
            if (crosses(line, gutter)) {
                crossing++;
                continue;
            }
            long before = line.stream().filter(word -> word.bbox()[2] <= gutter).count();
            leftLines += before > 0 ? 1 : 0;
            rightLines += before < line.size() ? 1 : 0;
            // Words of prose have letters: a table of contents' dot leaders and page numbers are not prose.
            leftWords += line.stream()
                    .filter(word -> word.bbox()[2] <= gutter && hasLetter(word))
                    .count();
            rightWords += line.stream()
                    .filter(word -> word.bbox()[2] > gutter && hasLetter(word))
                    .count();
            numbers += line.stream()
                    .filter(word -> word.text().chars().anyMatch(Character::isDigit))
                    .count();
        }
        if (numbers > MOST_NUMBERS * (leftWords + rightWords)) {
            return false; // an invoice's or a table's rows: amounts, dates, quantities
        }
        return leftLines >= Math.max(FEWEST_LINES, SHARE_OF_LINES * lines.size() / 2)
                && rightLines >= Math.max(FEWEST_LINES, SHARE_OF_LINES * lines.size() / 2)
                && leftWords >= PROSE_WORDS * leftLines
                && rightWords >= PROSE_WORDS * rightLines
                && crossing <= MOST_CROSSING * lines.size();
    }
}
