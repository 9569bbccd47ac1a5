package com.ocrchat.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown from the recognized layout: short lines set in clearly larger type than the page's body, at
 * the start of a block, become headings; prose becomes paragraphs with their line breaks joined (and
 * hyphenated line ends rejoined); other blocks keep their lines; bulleted and numbered lines become list
 * items; tables (see {@link Tables}) become Markdown tables; pages are separated by a rule. The recognized text
 * itself is escaped to read as text ({@link MarkdownText}).
 */
public final class MarkdownWriter {
    private static final String PAGE_RULE = "\n\n---\n\n";
    private static final Pattern BULLET = Pattern.compile("^[•·▪●◦*-]\\s+");
    /** What Tesseract reads bullets (•, ◦, ●, ▪, ➢, ✓) as when it does not read them as bullets. */
    private static final String BULLET_AS_READ = "eocu*+«»°©®■□◆♦✓✔➢►›‣⁃–—~";

    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,3}[.)]\\s+");

    private MarkdownWriter() {}

    public static String write(List<Page> pages) {
        return write(pages, false);
    }

    /** {@code eagerTables} (tool=extract-tables): the caller says the document has tables; see {@link Tables#find(List, boolean)}. */
    public static String write(List<Page> pages, boolean eagerTables) {
        return joinPages(pages.stream().map(page -> page(page, eagerTables)).toList());
    }

    /** Pages' Markdown joined with a rule between pages. */
    public static String joinPages(List<String> pages) {
        return String.join(PAGE_RULE, pages);
    }

    /** One page's Markdown (the exports lay pages out one by one). */
    public static String page(Page page) {
        return page(page, false);
    }

    public static String page(Page page, boolean eagerTables) {
        if (page.markdown() != null) {
            return page.markdown(); // The vision model wrote this page's Markdown itself.
        }
        // The body's type size: the median over all words, so a page of a title and one line still has a body.
        double[] sizes = page.blocks().stream()
                .filter(block -> block.words() != null)
                .flatMap(block -> block.words().stream())
                .mapToDouble(MarkdownWriter::typeSize)
                .filter(size -> size > 0)
                .sorted()
                .toArray();
        double bodyHeight = sizes.length == 0 ? 0 : sizes[sizes.length / 2];
        List<String> parts = new ArrayList<>();
        String listToken = null;
        List<Table> tables = Tables.of(page, eagerTables);
        java.util.Set<Table> written = new java.util.HashSet<>();
        for (Block block : page.blocks()) {
            Table table = tableOf(block, tables);
            if (table != null) {
                // A table's words, in however many blocks Tesseract cut it, become one Markdown table.
                if (written.add(table)) {
                    parts.add(Tables.markdown(table));
                }
                listToken = null;
                continue;
            }
            List<Line> lines = lines(block);
            int first = 0;
            // Leading lines set in clearly larger type are headings, even when Tesseract kept them in the paragraph.
            while (first < lines.size() && headingLevel(lines.get(first), bodyHeight) > 0) {
                parts.add("#".repeat(headingLevel(lines.get(first), bodyHeight)) + " "
                        + MarkdownText.line(lines.get(first).text().strip()));
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
                    && Arrays.stream(texts)
                            .allMatch(line -> firstToken(line).equals(token)
                                    || BULLET.matcher(line).find()
                                    || NUMBERED.matcher(line).find());
            if (continuesList) {
                // Tesseract sometimes puts a list's last items in a block of their own: they stay in the list.
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "\n" + list(texts));
            } else if (isList(texts)) {
                parts.add(list(texts));
                listToken = firstToken(texts[0]);
            } else {
                parts.add(
                        isProse(rest, block)
                                ? MarkdownText.line(joinLines(texts))
                                : String.join(
                                        "\n",
                                        Arrays.stream(texts)
                                                .map(text -> MarkdownText.line(text.strip()))
                                                .toList()));
                listToken = null;
            }
        }
        return String.join("\n\n", parts);
    }

    private static Table tableOf(Block block, List<Table> tables) {
        return tables.stream()
                .filter(table -> Tables.inside(block, table))
                .findFirst()
                .orElse(null);
    }

    /** A line of a block: its text, its type size (pixels per em) and its horizontal extent. */
    record Line(String text, double height, int x0, int x1) {}

    private static List<Line> lines(Block block) {
        String[] texts = block.text().split("\n");
        List<Line> lines = new ArrayList<>();
        int word = 0;
        List<Word> words = block.words() == null ? List.of() : block.words();
        for (String text : texts) {
            int count = text.isBlank() ? 0 : text.strip().split(" +").length;
            List<Word> own = word + count <= words.size() ? words.subList(word, word + count) : List.of();
            word += count;
            double[] sizes = own.stream()
                    .mapToDouble(MarkdownWriter::typeSize)
                    .filter(size -> size > 0)
                    .sorted()
                    .toArray();
            lines.add(new Line(
                    text,
                    sizes.length == 0 ? 0 : sizes[sizes.length / 2],
                    own.isEmpty() ? block.bbox()[0] : own.get(0).bbox()[0],
                    own.isEmpty() ? block.bbox()[2] : own.get(own.size() - 1).bbox()[2]));
        }
        return lines;
    }

    /**
     * A word's type size from its box: the box spans more or less of the em by the letters it holds
     * (capitals and ascenders reach ~0.76 em, descenders add ~0.24 em, x-height letters alone ~0.55 em).
     */
    static double typeSize(Word word) {
        String text = word.text();
        if (text.codePoints().filter(Character::isLetterOrDigit).count() < 2) {
            return 0;
        }
        boolean up = text.codePoints()
                .anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c) || "bdfhiklt".indexOf(c) >= 0);
        boolean down = text.codePoints().anyMatch(c -> "gjpqy".indexOf(c) >= 0);
        double share = up && down ? 1.0 : up ? 0.76 : down ? 0.79 : 0.55;
        return (word.bbox()[3] - word.bbox()[1]) / share;
    }

    private static int headingLevel(Line line, double bodyHeight) {
        if (line.text().strip().length() > 80 || bodyHeight <= 0 || line.height() <= 0) {
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

    /**
     * Every line starts with a bullet or a number; or, as OCR often reads a bullet as a letter or a sign ("e", "o",
     * "«"), at least two lines all start with the same one-character token that a bullet is read as. Not any token:
     * lines that each begin "I ...", "| a | b |" or "= A1+B1" are not a list.
     */
    static boolean isList(String[] lines) {
        if (Arrays.stream(lines)
                .allMatch(line ->
                        BULLET.matcher(line).find() || NUMBERED.matcher(line).find())) {
            return true;
        }
        if (lines.length < 2) {
            return false;
        }
        String token = firstToken(lines[0]);
        return token.length() == 1
                && BULLET_AS_READ.indexOf(token.charAt(0)) >= 0
                && Arrays.stream(lines)
                        .allMatch(line ->
                                firstToken(line).equals(token) && line.strip().length() > 2);
    }

    private static String firstToken(String line) {
        String stripped = line.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }

    private static String list(String[] lines) {
        List<String> items = new ArrayList<>();
        for (String line : lines) {
            Matcher number = NUMBERED.matcher(line);
            if (number.find()) {
                items.add(line.substring(0, number.end()).strip() + " "
                        + MarkdownText.line(line.substring(number.end()).strip()));
            } else if (BULLET.matcher(line).find()) {
                items.add("- "
                        + MarkdownText.line(
                                BULLET.matcher(line).replaceFirst("").strip()));
            } else {
                items.add("- "
                        + MarkdownText.line(line.strip()
                                .substring(firstToken(line).length())
                                .strip()));
            }
        }
        return String.join("\n", items);
    }

    /**
     * Prose wraps: every line but the last runs (nearly) the block's full width, and the lines after the
     * first mostly continue in lowercase. Label lines (an address, "Invoice date: ...") keep their breaks.
     */
    static boolean isProse(List<Line> lines, Block block) {
        if (lines.size() < 2) {
            return true;
        }
        // Wrapped prose continues mid-sentence, so its following lines mostly start in lowercase;
        // label lines ("Invoice date: ...", "Due date: ...") each start anew.
        long continuing = lines.subList(1, lines.size()).stream()
                .map(line -> line.text().strip())
                .filter(text -> !text.isEmpty() && !Character.isUpperCase(text.codePointAt(0)))
                .count();
        if (continuing * 2 < lines.size() - 1) {
            return false;
        }
        double width =
                lines.stream().mapToInt(line -> line.x1() - line.x0()).max().orElse(0);
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).x1() - lines.get(i).x0() < 0.75 * width) {
                return false;
            }
        }
        return true;
    }

    /** Lines of one paragraph become one line; "exam-" + "ple" becomes "example". */
    static String joinLines(String[] lines) {
        StringBuilder joined = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (joined.length() > 1
                    && joined.charAt(joined.length() - 1) == '-'
                    && Character.isLetter(joined.charAt(joined.length() - 2))
                    && Character.isLowerCase(line.codePointAt(0))) {
                joined.setLength(joined.length() - 1);
            } else if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(line);
        }
        return joined.toString();
    }
}
