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
    static boolean isProse(List<MarkdownWriter.Line> lines) {
        if (lines.size() < 2) {
            return true;
        }
        // Wrapped prose continues mid-sentence, so its following lines mostly start with a lowercase letter (or one of
        // a script without case), or follow a line that stopped mid-sentence ("chairman of" / "J. A. Ewing & Co.") or,
        // long, on a comma; label lines ("Invoice date: ...", "Due date: ..."), a table of contents' numbered entries
        // and code each start anew.
        long continuing = 0;
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i).text().strip();
            if (!text.isEmpty()
                    && (continuesASentence(text.codePointAt(0))
                            || endsMidSentence(lines.get(i - 1).text())
                            || goesOnAfterAComma(lines.get(i - 1).text()))) {
                continuing++;
            }
        }
        if (continuing * 2 < lines.size() - 1) {
            return false;
        }
        return wraps(lines) || changesWidthOnce(lines);
    }

    /**
     * A short line of its own leads wrapped prose in one block (a copyright line above a licence's paragraph, a run-in
     * title): it ends no sentence midway, the next line begins one, and the lines after it are prose, three or more, or
     * two that the first breaks mid-sentence (two lines alone, "as follows:" above a line of code, say too little).
     * Kept whole, the block would keep every line break, its first line being too short for prose.
     */
    static boolean leadsProse(List<MarkdownWriter.Line> lines) {
        if (lines.size() < 3
                || (lines.size() == 3 && !endsMidSentence(lines.get(1).text()))) {
            return false;
        }
        String lead = lines.get(0).text().strip();
        String next = lines.get(1).text().strip();
        int width = lines.stream().skip(1).mapToInt(ProseLines::width).max().orElse(0);
        return width(lines.get(0)) < 0.75 * width
                && !lead.isEmpty()
                && !endsMidSentence(lead)
                && !lead.endsWith(",")
                && !next.isEmpty()
                && !continuesASentence(next.codePointAt(0))
                && isProse(lines.subList(1, lines.size()));
    }

    /**
     * The paragraph narrows or widens at one line, where a picture beside it ends: the lines before all run their full
     * width, those after wrap at theirs, the two widths clearly apart, one edge kept, and the sentence going on across
     * the step. Code or an address, whose lines vary in width line by line, does not. Each step is tried from running
     * extremes of the lines before and after it, so a block of many lines costs no more than one pass over them.
     */
    private static boolean changesWidthOnce(List<MarkdownWriter.Line> lines) {
        int n = lines.size();
        // Before step s: the widest and narrowest line, and the leftmost start and rightmost end, of lines [0, s).
        int[] widestBefore = new int[n + 1];
        int[] narrowestBefore = new int[n + 1];
        int[] leftBefore = new int[n + 1];
        int[] rightBefore = new int[n + 1];
        narrowestBefore[0] = Integer.MAX_VALUE;
        leftBefore[0] = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            MarkdownWriter.Line line = lines.get(i);
            widestBefore[i + 1] = Math.max(widestBefore[i], width(line));
            narrowestBefore[i + 1] = Math.min(narrowestBefore[i], width(line));
            leftBefore[i + 1] = Math.min(leftBefore[i], line.x0());
            rightBefore[i + 1] = Math.max(rightBefore[i], line.x1());
        }
        // From step s on: the widest line of [s, n), the narrowest of [s, n - 1) (the last may be short), the edges.
        int[] widestAfter = new int[n + 1];
        int[] narrowestAfter = new int[n + 1];
        int[] leftAfter = new int[n + 1];
        int[] rightAfter = new int[n + 1];
        narrowestAfter[n] = Integer.MAX_VALUE;
        narrowestAfter[n - 1] = Integer.MAX_VALUE;
        leftAfter[n] = Integer.MAX_VALUE;
        for (int i = n - 1; i >= 0; i--) {
            MarkdownWriter.Line line = lines.get(i);
            widestAfter[i] = Math.max(widestAfter[i + 1], width(line));
            if (i < n - 1) {
                narrowestAfter[i] = Math.min(narrowestAfter[i + 1], width(line));
            }
            leftAfter[i] = Math.min(leftAfter[i + 1], line.x0());
            rightAfter[i] = Math.max(rightAfter[i + 1], line.x1());
        }
        for (int step = 2; step <= n - 2; step++) {
            double before = widestBefore[step];
            double after = widestAfter[step];
            String next = lines.get(step).text().strip();
            double em = Math.max(10, lines.get(step).height());
            boolean edgeKept = Math.abs(leftBefore[step] - leftAfter[step]) <= em
                    || Math.abs(rightBefore[step] - rightAfter[step]) <= em;
            if (narrowestBefore[step] >= 0.75 * before
                    && narrowestAfter[step] >= 0.75 * after
                    && Math.abs(before - after) > 0.15 * Math.max(before, after)
                    && edgeKept
                    && !next.isEmpty()
                    && continuesASentence(next.codePointAt(0))) {
                return true;
            }
        }
        return false;
    }

    private static int width(MarkdownWriter.Line line) {
        return line.x1() - line.x0();
    }

    /** Every line but the last runs (nearly) the lines' full width. */
    private static boolean wraps(List<MarkdownWriter.Line> lines) {
        double width = lines.stream().mapToInt(ProseLines::width).max().orElse(0);
        for (int i = 0; i < lines.size() - 1; i++) {
            if (width(lines.get(i)) < 0.75 * width) {
                return false;
            }
        }
        return true;
    }

    /** Words English does not end a sentence or a title on. */
    private static final java.util.Set<String> GOES_ON =
            java.util.Set.of("of", "the", "and", "an", "on", "in", "to", "for", "with", "by", "at", "from", "or");

    /** The line stops mid-sentence: on such a word, or on a hyphen or a dash. */
    static boolean endsMidSentence(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return false;
        }
        String last = text.substring(text.lastIndexOf(' ') + 1).toLowerCase(java.util.Locale.ROOT);
        return GOES_ON.contains(last) || "-–—".indexOf(text.charAt(text.length() - 1)) >= 0;
    }

    /**
     * A line of six words or more that stops on a comma goes on with the next, even one opening with a name ("in use by
     * GNOME," / "KDE and ROX"); the short lines of a sign-off, an address, a list of names or verse keep their breaks.
     */
    private static boolean goesOnAfterAComma(String line) {
        String text = line.strip();
        return text.endsWith(",") && text.split("\\s+").length >= 6;
    }

    static boolean continuesASentence(int first) {
        return Character.isLetter(first) && !Character.isUpperCase(first) && !Character.isTitleCase(first);
    }
}
