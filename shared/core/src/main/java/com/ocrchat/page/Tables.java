package com.ocrchat.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tables from word geometry, ruled or not: words are grouped into rows by their vertical position and
 * rows into cells at gaps wider than about an em; a run of at least two adjacent rows with the same
 * number of cells (two or more), aligned column by column and made of short cells, is a table. Prose in
 * columns is not (its cells are whole lines of several words).
 */
public final class Tables {
    private static final double CELL_GAP_EMS = 1.1;
    private static final double MAX_WORDS_PER_CELL = 3.5;
    /** With tool=extract-tables the caller says there are tables, so cells of short phrases count too. */
    private static final double EAGER_MAX_WORDS_PER_CELL = 8;

    private Tables() {}

    /**
     * A page's tables, top to bottom: those of the vision model's Markdown when it wrote the page; else the
     * ruled tables found in its image and the tables of aligned words found elsewhere on it.
     */
    public static List<Table> of(Page page, boolean eager) {
        if (page.markdown() != null) {
            return MarkdownBlocks.tables(page.markdown());
        }
        List<Table> tables = new ArrayList<>(page.tables());
        List<Block> outside = page.blocks().stream()
                .filter(block -> page.tables().stream().noneMatch(table -> inside(block, table)))
                .toList();
        tables.addAll(find(outside, eager));
        tables.sort(Comparator.comparingInt(table -> table.bbox()[1]));
        return tables;
    }

    /** The block's centre lies in the table. */
    public static boolean inside(Block block, Table table) {
        return centreInside(block.bbox(), table.bbox());
    }

    /** The box's centre lies in the other box. */
    static boolean centreInside(int[] box, int[] within) {
        double x = (box[0] + box[2]) / 2.0;
        double y = (box[1] + box[3]) / 2.0;
        return x >= within[0] && x <= within[2] && y >= within[1] && y <= within[3];
    }

    public static List<Table> find(List<Block> blocks) {
        return find(blocks, false);
    }

    /** {@code eager} accepts cells of up to a short phrase, where by default prose set in columns is kept from being a table. */
    public static List<Table> find(List<Block> blocks, boolean eager) {
        List<Word> words = new ArrayList<>();
        blocks.stream().filter(block -> block.words() != null).forEach(block -> words.addAll(block.words()));
        List<List<List<Word>>> rows = new ArrayList<>();
        for (List<Word> row : rows(words)) {
            rows.add(cells(row));
        }
        List<Table> tables = new ArrayList<>();
        int start = 0;
        while (start < rows.size()) {
            int end = start + 1;
            while (end < rows.size() && continues(rows.get(end - 1), rows.get(end))) {
                end++;
            }
            List<List<List<Word>>> run = rows.subList(start, end);
            if (run.size() >= 2
                    && run.get(0).size() >= 2
                    && shortCells(run, eager ? EAGER_MAX_WORDS_PER_CELL : MAX_WORDS_PER_CELL)
                    && !justifiedProse(run, blocks)) {
                tables.add(table(run));
            }
            start = end;
        }
        return tables;
    }

    /**
     * The run is lines of a paragraph set justified in a narrow column, not a table: two or three rows of two cells,
     * lines of one block, each spanning the run's width, and that block's line just above or below them, a line of
     * prose (no cell's gap; four words or more, or two where the run begins in lowercase), spans the same width within
     * an em each side. A narrow column stretches
     * a short line's word gaps past a cell's ("nence, Rabi      came").
     */
    private static boolean justifiedProse(List<List<List<Word>>> run, List<Block> blocks) {
        if (run.size() > 3 || run.get(0).size() != 2) {
            return false;
        }
        List<Word> words =
                run.stream().flatMap(List::stream).flatMap(List::stream).toList();
        Block block = blocks.stream()
                .filter(candidate ->
                        candidate.words() != null && candidate.words().containsAll(words))
                .findFirst()
                .orElse(null);
        if (block == null) {
            return false;
        }
        List<MarkdownWriter.Line> lines = MarkdownWriter.lines(block);
        int[] box = Word.union(words);
        double em = height(words.get(0));
        boolean rowsSpanIt = run.stream().allMatch(row -> {
            int[] span = Word.union(row.stream().flatMap(List::stream).toList());
            return span[0] - box[0] <= em && box[2] - span[2] <= em;
        });
        if (!rowsSpanIt) {
            return false;
        }
        // A run that begins mid-sentence ("nence, Rabi") is prose beside any line of it; else beside a full sentence's.
        String opening = words.get(0).text();
        boolean goesOn = !opening.isEmpty() && ProseLines.continuesASentence(opening.codePointAt(0));
        for (int i = 0; i < lines.size(); i++) {
            boolean inRun = lines.get(i).words().stream().anyMatch(words::contains);
            boolean besideRun = (i > 0 && lines.get(i - 1).words().stream().anyMatch(words::contains))
                    || (i + 1 < lines.size()
                            && lines.get(i + 1).words().stream().anyMatch(words::contains));
            MarkdownWriter.Line line = lines.get(i);
            if (!inRun
                    && besideRun
                    && line.words().size() >= (goesOn ? 2 : 4)
                    && cells(line.words()).size() == 1
                    && Math.abs(line.x0() - box[0]) <= em
                    && Math.abs(line.x1() - box[2]) <= em) {
                return true;
            }
        }
        return false;
    }

    /** Words whose vertical centres fall within half a word height of each other share a row, top to bottom. */
    private static List<List<Word>> rows(List<Word> words) {
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(Tables::centreY));
        List<List<Word>> rows = new ArrayList<>();
        for (Word word : sorted) {
            List<Word> last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (last != null && Math.abs(centreY(word) - centreY(last.get(last.size() - 1))) < 0.5 * height(word)) {
                last.add(word);
            } else {
                rows.add(new ArrayList<>(List.of(word)));
            }
        }
        rows.forEach(row -> row.sort(Comparator.comparingInt(word -> word.bbox()[0])));
        return rows;
    }

    private static List<List<Word>> cells(List<Word> row) {
        List<List<Word>> cells = new ArrayList<>();
        for (Word word : row) {
            List<Word> cell = cells.isEmpty() ? null : cells.get(cells.size() - 1);
            if (cell != null && word.bbox()[0] - cell.get(cell.size() - 1).bbox()[2] < CELL_GAP_EMS * height(word)) {
                cell.add(word);
            } else {
                cells.add(new ArrayList<>(List.of(word)));
            }
        }
        return cells;
    }

    /** The next row belongs to the same table: same cell count, close below, each cell overlapping its column. */
    private static boolean continues(List<List<Word>> above, List<List<Word>> below) {
        if (above.size() != below.size() || above.size() < 2) {
            return false;
        }
        int gap = top(below) - bottom(above);
        if (gap > 3 * height(below.get(0).get(0))) {
            return false;
        }
        for (int i = 0; i < above.size(); i++) {
            int[] a = Word.union(above.get(i));
            int[] b = Word.union(below.get(i));
            if (b[0] > a[2] || a[0] > b[2]) {
                return false;
            }
        }
        return true;
    }

    private static boolean shortCells(List<List<List<Word>>> run, double maxWordsPerCell) {
        double words = run.stream().flatMap(List::stream).mapToInt(List::size).sum();
        double cells = run.stream().mapToInt(List::size).sum();
        return words / cells <= maxWordsPerCell;
    }

    private static Table table(List<List<List<Word>>> run) {
        List<List<String>> rows = new ArrayList<>();
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0;
        for (List<List<Word>> row : run) {
            List<String> texts = new ArrayList<>();
            for (List<Word> cell : row) {
                texts.add(String.join(" ", cell.stream().map(Word::text).toList()));
                int[] box = Word.union(cell);
                x0 = Math.min(x0, box[0]);
                y0 = Math.min(y0, box[1]);
                x1 = Math.max(x1, box[2]);
                y1 = Math.max(y1, box[3]);
            }
            rows.add(texts);
        }
        return new Table(rows, new int[] {x0, y0, x1, y1});
    }

    private static int top(List<List<Word>> row) {
        return row.stream().mapToInt(cell -> Word.union(cell)[1]).min().orElse(0);
    }

    private static int bottom(List<List<Word>> row) {
        return row.stream().mapToInt(cell -> Word.union(cell)[3]).max().orElse(0);
    }

    private static double centreY(Word word) {
        return (word.bbox()[1] + word.bbox()[3]) / 2.0;
    }

    private static double height(Word word) {
        return Math.max(1, word.bbox()[3] - word.bbox()[1]);
    }

    /** The Markdown of a table (cells' pipes escaped). */
    public static String markdown(Table table) {
        StringBuilder markdown = new StringBuilder();
        int columns = table.rows().get(0).size();
        for (int r = 0; r < table.rows().size(); r++) {
            markdown.append("| ")
                    .append(String.join(
                            " | ",
                            table.rows().get(r).stream()
                                    .map(MarkdownText::inline)
                                    .toList()))
                    .append(" |\n");
            if (r == 0) {
                markdown.append("|").append(" --- |".repeat(columns)).append("\n");
            }
        }
        return markdown.toString().stripTrailing();
    }
}
