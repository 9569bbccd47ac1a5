package com.ocrchat.page;

import java.util.List;

/** Whether a block's lines are prose, which wraps, or lines that keep their breaks (labels, an address, code). */
final class ProseLines {
    private ProseLines() {}

    /**
     * Prose wraps: every line but the last runs (nearly) the block's full width, and the lines after the
     * first mostly continue in lowercase. Label lines (an address, "Invoice date: ...") keep their breaks. A paragraph
     * that wraps around a picture narrows or widens once, where the picture ends: each part of it is held to its own
     * width.
     */
    static boolean isProse(List<MarkdownWriter.Line> lines, Block block) {
        if (lines.size() < 2) {
            return true;
        }
        // Wrapped prose continues mid-sentence, so its following lines mostly start with a lowercase letter (or one of
        // a script without case); label lines ("Invoice date: ...", "Due date: ..."), a table of contents' numbered
        // entries and code each start anew.
        long continuing = lines.subList(1, lines.size()).stream()
                .map(line -> line.text().strip())
                .filter(text -> !text.isEmpty() && continuesASentence(text.codePointAt(0)))
                .count();
        if (continuing * 2 < lines.size() - 1) {
            return false;
        }
        if (wraps(lines)) {
            return true;
        }
        for (int step = 2; step <= lines.size() - 2; step++) {
            if (changesWidthAt(lines, step)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The paragraph narrows or widens at line {@code step}, where a picture beside it ends: the lines before all run
     * their full width, those after wrap at theirs, the two widths clearly apart, one edge kept, and the sentence going
     * on across the step. Code or an address, whose lines vary in width line by line, does not.
     */
    private static boolean changesWidthAt(List<MarkdownWriter.Line> lines, int step) {
        List<MarkdownWriter.Line> before = lines.subList(0, step);
        List<MarkdownWriter.Line> after = lines.subList(step, lines.size());
        double widthBefore = width(before);
        double widthAfter = width(after);
        String next = lines.get(step).text().strip();
        double em = Math.max(10, lines.get(step).height());
        boolean edgeKept =
                Math.abs(before.stream().mapToInt(MarkdownWriter.Line::x0).min().orElse(0)
                                        - after.stream()
                                                .mapToInt(MarkdownWriter.Line::x0)
                                                .min()
                                                .orElse(0))
                                <= em
                        || Math.abs(before.stream()
                                                .mapToInt(MarkdownWriter.Line::x1)
                                                .max()
                                                .orElse(0)
                                        - after.stream()
                                                .mapToInt(MarkdownWriter.Line::x1)
                                                .max()
                                                .orElse(0))
                                <= em;
        return before.stream().allMatch(line -> line.x1() - line.x0() >= 0.75 * widthBefore)
                && wraps(after)
                && Math.abs(widthBefore - widthAfter) > 0.15 * Math.max(widthBefore, widthAfter)
                && edgeKept
                && !next.isEmpty()
                && continuesASentence(next.codePointAt(0));
    }

    private static double width(List<MarkdownWriter.Line> lines) {
        return lines.stream().mapToInt(line -> line.x1() - line.x0()).max().orElse(0);
    }

    /** Every line but the last runs (nearly) the lines' full width. */
    private static boolean wraps(List<MarkdownWriter.Line> lines) {
        double width = width(lines);
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).x1() - lines.get(i).x0() < 0.75 * width) {
                return false;
            }
        }
        return true;
    }

    static boolean continuesASentence(int first) {
        return Character.isLetter(first) && !Character.isUpperCase(first) && !Character.isTitleCase(first);
    }
}
