package com.ocrchat.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Markdown from the recognized layout: short lines set in clearly larger type than the page's body, at
 * the start of a block, become headings; prose becomes paragraphs with their line breaks joined (and
 * hyphenated line ends rejoined); other blocks keep their lines; bulleted and numbered lines become list
 * items; tables (see {@link Tables}) become Markdown tables; pages are separated by a rule. The recognized text
 * itself is escaped to read as text ({@link MarkdownText}).
 */
public final class MarkdownWriter {
    private static final String PAGE_RULE = "\n\n---\n\n";

    private MarkdownWriter() {}

    public static String write(List<Page> pages) {
        return write(pages, false);
    }

    /** {@code eagerTables} (tool=extract-tables): the caller says the document has tables; see {@link Tables#find(List, boolean)}. */
    public static String write(List<Page> pages, boolean eagerTables) {
        return joinPages(pages(pages, eagerTables));
    }

    /** Each page's Markdown, the document's running heads, feet and page numbers left out ({@link RunningLines}). */
    public static List<String> pages(List<Page> pages, boolean eagerTables) {
        Set<Block> running = RunningLines.of(pages);
        return pages.stream().map(page -> page(page, eagerTables, running)).toList();
    }

    /** Pages' Markdown joined with a rule between pages. */
    public static String joinPages(List<String> pages) {
        return String.join(PAGE_RULE, pages);
    }

    /** One page's Markdown, on its own. */
    public static String page(Page page) {
        return page(page, false);
    }

    public static String page(Page page, boolean eagerTables) {
        return page(page, eagerTables, Set.of());
    }

    private static String page(Page page, boolean eagerTables, Set<Block> running) {
        if (page.markdown() != null) {
            return page.markdown(); // The vision model wrote this page's Markdown itself.
        }
        // The body's type size: the median over all words, so a page of a title and one line still has a body.
        double[] sizes = page.blocks().stream()
                .filter(block -> block.words() != null)
                .flatMap(block -> block.words().stream())
                .mapToDouble(TypeSize::of)
                .filter(size -> size > 0)
                .sorted()
                .toArray();
        double bodyHeight = sizes.length == 0 ? 0 : sizes[sizes.length / 2];
        List<String> parts = new ArrayList<>();
        String listToken = null;
        List<Table> tables = Tables.of(page, eagerTables);
        java.util.Set<String> hyphenated = ParagraphLines.hyphenatedWords(page);
        java.util.Set<Table> written = new java.util.HashSet<>();
        // How each block's first line opens (a table's, or a heading's, as no item), for the items among paragraphs.
        List<MarkdownLists.Opening> openings = page.blocks().stream()
                .map(block -> tableOf(block, tables) != null
                                || lines(block).isEmpty()
                                || headingLevel(lines(block).get(0), bodyHeight) > 0
                        ? MarkdownLists.Opening.NONE
                        : MarkdownLists.opening(block.text().split("\n", 2)[0]))
                .toList();
        int listPart = -1; // the part that is a list, when it is the last one: an item paragraph after it joins it
        for (int b = 0; b < page.blocks().size(); b++) {
            Block block = page.blocks().get(b);
            Table table = tableOf(block, tables);
            if (table != null) {
                // A table's words, in however many blocks Tesseract cut it, become one Markdown table; the block's
                // words outside it (a heading above, a sentence below, an address beside) stay text around it.
                addIfAny(parts, outside(block, table, true));
                if (written.add(table)) {
                    parts.add(Tables.markdown(table));
                }
                addIfAny(parts, outside(block, table, false));
                listToken = null;
                listPart = -1;
                continue;
            }
            List<Line> lines = lines(block);
            if (running.contains(block) && (lines.isEmpty() || headingLevel(lines.get(0), bodyHeight) == 0)) {
                continue; // a running head or foot; a heading in large type is the page's own
            }
            int first = 0;
            // Leading lines set in clearly larger type are headings, even when Tesseract kept them in the paragraph; a
            // title set on two lines ("MEMORIES OF" / "RICHARD FEYNMAN") is one heading.
            String heading = null;
            int level = 0;
            while (first < lines.size() && headingLevel(lines.get(first), bodyHeight) > 0) {
                String text = lines.get(first).text().strip();
                int lineLevel = headingLevel(lines.get(first), bodyHeight);
                if (heading != null && lineLevel == level && continuesHeading(heading, text)) {
                    heading = ParagraphLines.join(new String[] {heading, text}, hyphenated);
                    parts.remove(parts.size() - 1);
                } else {
                    heading = text;
                }
                level = lineLevel;
                parts.add("#".repeat(level) + " " + MarkdownText.heading(heading));
                first++;
                listToken = null;
            }
            if (first == lines.size()) {
                continue;
            }
            List<Line> rest = lines.subList(first, lines.size());
            String[] texts = rest.stream().map(Line::text).toArray(String[]::new);
            String token = listToken;
            boolean continuesList = token != null
                    && first == 0
                    && Arrays.stream(texts).allMatch(line -> MarkdownLists.continues(line, token));
            if (continuesList) {
                // Tesseract sometimes puts a list's last items in a block of their own: they stay in the list.
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "\n" + MarkdownLists.items(texts));
                listPart = parts.size() - 1;
            } else if (MarkdownLists.isList(texts)) {
                parts.add(MarkdownLists.items(texts));
                listToken = MarkdownLists.firstToken(texts[0]);
                listPart = parts.size() - 1;
            } else if (MarkdownLists.holdsItems(texts)) {
                for (MarkdownLists.Segment segment : MarkdownLists.withItems(rest, hyphenated)) {
                    listPart = segment.list() ? addToList(parts, listPart, segment.markdown()) : -1;
                    if (!segment.list()) {
                        parts.add(segment.markdown());
                    }
                }
                listToken = null;
            } else {
                boolean prose = ProseLines.isProse(rest);
                boolean afterLeadIn =
                        b > 0 && page.blocks().get(b - 1).text().strip().endsWith(":");
                if (first == 0 && prose && MarkdownLists.isItem(openings, b, afterLeadIn)) {
                    // A bulleted or numbered paragraph, its lines wrapped: one item, its lines joined.
                    listPart = addToList(
                            parts, listPart, MarkdownLists.items(new String[] {ParagraphLines.join(texts, hyphenated)
                            }));
                } else if (!prose && ProseLines.leadsProse(rest)) {
                    parts.add(MarkdownText.line(texts[0].strip()));
                    parts.add(MarkdownText.line(
                            ParagraphLines.join(Arrays.copyOfRange(texts, 1, texts.length), hyphenated)));
                } else {
                    parts.add(
                            prose
                                    ? MarkdownText.line(ParagraphLines.join(texts, hyphenated))
                                    : String.join(
                                            "\n",
                                            Arrays.stream(texts)
                                                    .map(text -> MarkdownText.line(text.strip()))
                                                    .toList()));
                }
                listToken = null;
            }
        }
        return String.join("\n\n", parts);
    }

    /** Adds list items to the list that is the last part ({@code listPart}), or as a list of their own; its index. */
    private static int addToList(List<String> parts, int listPart, String items) {
        if (listPart >= 0 && listPart == parts.size() - 1) {
            parts.set(listPart, parts.get(listPart) + "\n" + items);
        } else {
            parts.add(items);
        }
        return parts.size() - 1;
    }

    private static Table tableOf(Block block, List<Table> tables) {
        return tables.stream()
                .filter(table -> Tables.inside(block, table))
                .findFirst()
                .orElse(null);
    }

    /**
     * The block's lines' words outside the table, line by line: those above its top ({@code above}), or those beside
     * or below it. A table's rows are found across blocks, so its block often holds text that is no row of it.
     */
    private static String outside(Block block, Table table, boolean above) {
        List<String> kept = new ArrayList<>();
        int[] box = table.bbox();
        for (Line line : lines(block)) {
            List<String> words = line.words().stream()
                    .filter(word -> !Tables.centreInside(word.bbox(), box))
                    .filter(word -> (word.bbox()[3] <= box[1]) == above)
                    .map(Word::text)
                    .toList();
            if (!words.isEmpty()) {
                kept.add(MarkdownText.line(String.join(" ", words)));
            }
        }
        return String.join("\n", kept);
    }

    private static void addIfAny(List<String> parts, String part) {
        if (!part.isEmpty()) {
            parts.add(part);
        }
    }

    /** A line of a block: its text, its type size (pixels per em), its horizontal extent and its words. */
    record Line(String text, double height, int x0, int x1, List<Word> words) {}

    /** The block's lines, each with the words it holds (by the count of its text's words). */
    static List<Line> lines(Block block) {
        String[] texts = block.text().split("\n");
        List<Line> lines = new ArrayList<>();
        int word = 0;
        List<Word> words = block.words() == null ? List.of() : block.words();
        for (String text : texts) {
            int count = text.isBlank() ? 0 : text.strip().split(" +").length;
            List<Word> own = word + count <= words.size() ? words.subList(word, word + count) : List.of();
            word += count;
            double[] sizes = own.stream()
                    .mapToDouble(TypeSize::of)
                    .filter(size -> size > 0)
                    .sorted()
                    .toArray();
            lines.add(new Line(
                    text,
                    sizes.length == 0 ? 0 : sizes[sizes.length / 2],
                    own.isEmpty() ? block.bbox()[0] : Word.union(own)[0], // a right-to-left line's words run leftwards
                    own.isEmpty() ? block.bbox()[2] : Word.union(own)[2],
                    own));
        }
        return lines;
    }

    /** The next line of a heading goes on with it: it begins in lowercase, or the heading stops mid-sentence or on a comma. */
    private static boolean continuesHeading(String heading, String next) {
        return ProseLines.continuesASentence(next.codePointAt(0))
                || ProseLines.endsMidSentence(heading)
                || heading.endsWith(",");
    }

    /**
     * A line in large type with fewer than half its words read at this confidence is no heading: it is what OCR made of
     * a picture's texture (every word under it). Counted by words, not averaged: Tesseract gives a well-read word 0 at
     * times ("DISTRICT" in scots-frag.tif's "DISTRICT NEWS").
     */
    private static final double HEADING_CONFIDENCE = 0.5;

    private static int headingLevel(Line line, double bodyHeight) {
        if (line.text().strip().length() > 80
                || bodyHeight <= 0
                || line.height() <= 0
                || 2
                                * line.words().stream()
                                        .filter(word -> word.confidence() >= HEADING_CONFIDENCE)
                                        .count()
                        < line.words().size()) {
            return 0;
        }
        double ratio = line.height() / bodyHeight;
        if (ratio >= 1.9) {
            return 1;
        }
        if (ratio >= 1.4) {
            return 2;
        }
        return 0;
    }
}
