package com.ocrchat.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Markdown from the recognized layout: a short one-line block set in clearly larger type than the
 * page's body becomes a heading, prose blocks become paragraphs with their line breaks joined (and
 * hyphenated line ends rejoined), other blocks keep their lines, bullet-led lines become list items, pages are separated by a rule.
 */
public final class MarkdownWriter {
    private static final String PAGE_RULE = "\n\n---\n\n";
    private static final Pattern BULLET = Pattern.compile("^[•·▪●◦*-]\\s+");
    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,3}[.)]\\s+");

    private MarkdownWriter() {
    }

    public static String write(List<Page> pages) {
        List<String> rendered = new ArrayList<>();
        for (Page page : pages) {
            rendered.add(page(page));
        }
        return String.join(PAGE_RULE, rendered);
    }

    /** One page's Markdown (the exports lay pages out one by one). */
    public static String page(Page page) {
        double bodyHeight = medianWordHeight(page.blocks());
        List<String> parts = new ArrayList<>();
        for (Block block : page.blocks()) {
            String[] lines = block.text().split("\n");
            int level = headingLevel(block, lines, bodyHeight);
            if (level > 0) {
                parts.add("#".repeat(level) + " " + lines[0].strip());
            } else if (Arrays.stream(lines).allMatch(line -> BULLET.matcher(line).find() || NUMBERED.matcher(line).find())) {
                parts.add(list(lines));
            } else {
                parts.add(escapeLeading(isProse(block, lines) ? joinLines(lines) : String.join("\n", Arrays.stream(lines).map(String::strip).toList())));
            }
        }
        return String.join("\n\n", parts);
    }

    private static int headingLevel(Block block, String[] lines, double bodyHeight) {
        if (lines.length != 1 || lines[0].length() > 80 || bodyHeight <= 0 || block.words() == null || block.words().isEmpty()) {
            return 0;
        }
        double ratio = medianWordHeight(List.of(block)) / bodyHeight;
        if (ratio >= 1.9) {
            return 1;
        }
        if (ratio >= 1.4) {
            return 2;
        }
        return 0;
    }

    private static String list(String[] lines) {
        List<String> items = new ArrayList<>();
        for (String line : lines) {
            if (NUMBERED.matcher(line).find()) {
                items.add(line.strip());
            } else {
                items.add("- " + BULLET.matcher(line).replaceFirst("").strip());
            }
        }
        return String.join("\n", items);
    }

    /**
     * Prose wraps: every line but the last runs (nearly) the block's full width. Short label lines
     * (an address, "Invoice date: ...") keep their line breaks instead.
     */
    static boolean isProse(Block block, String[] lines) {
        if (lines.length < 2 || block.words() == null) {
            return lines.length < 2;
        }
        double blockWidth = block.bbox()[2] - block.bbox()[0];
        int word = 0;
        for (int line = 0; line < lines.length - 1; line++) {
            int count = lines[line].strip().split(" +").length;
            if (word + count > block.words().size()) {
                return false;
            }
            int x0 = block.words().get(word).bbox()[0];
            int x1 = block.words().get(word + count - 1).bbox()[2];
            if (x1 - x0 < 0.75 * blockWidth) {
                return false;
            }
            word += count;
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
            if (joined.length() > 1 && joined.charAt(joined.length() - 1) == '-'
                    && Character.isLetter(joined.charAt(joined.length() - 2)) && Character.isLowerCase(line.codePointAt(0))) {
                joined.setLength(joined.length() - 1);
            } else if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(line);
        }
        return joined.toString();
    }

    /** Recognized text that happens to start like Markdown syntax must stay text. */
    private static String escapeLeading(String text) {
        if (text.startsWith("#") || text.startsWith(">") || text.startsWith("=")) {
            return "\\" + text;
        }
        return text;
    }

    private static double medianWordHeight(List<Block> blocks) {
        double[] heights = blocks.stream()
                .filter(block -> block.words() != null)
                .flatMap(block -> block.words().stream())
                .mapToDouble(word -> word.bbox()[3] - word.bbox()[1])
                .sorted().toArray();
        return heights.length == 0 ? 0 : heights[heights.length / 2];
    }
}
