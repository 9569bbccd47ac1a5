package com.ocrchat.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bulleted and numbered lines as Markdown list items. */
final class MarkdownLists {
    private static final Pattern BULLET = Pattern.compile("^[•·▪●◦*-]\\s+");
    /** What Tesseract reads bullets (•, ◦, ●, ▪, ➢, ✓) as when it does not read them as bullets. */
    private static final String BULLET_AS_READ = "eocu¢*+«»°©®■□◆♦✓✔➢►›‣⁃–—~";

    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,3}[.)]\\s+");

    private MarkdownLists() {}

    /** A line goes on with a list whose items began with {@code token}: it begins so too, or with a bullet or a number. */
    static boolean continues(String line, String token) {
        return firstToken(line).equals(token)
                || BULLET.matcher(line).find()
                || NUMBERED.matcher(line).find();
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

    /** How a paragraph's first line opens: with a bullet, a number, a token a bullet is read as, or none of them. */
    enum Opening {
        NONE,
        BULLET,
        NUMBER,
        BULLET_AS_READ
    }

    /**
     * How a paragraph's first line opens. A bullet opens a list item. A number ("2. The parties ...") or a one-character
     * token a bullet is read as, before a word ("e The Legion ...", "¢ The fund ..."), opens one only beside a paragraph
     * that opens alike (Tesseract reads one bullet as "e", "¢" or "©" from item to item; a lone numbered paragraph is a
     * clause or a section): see {@link #isItem}.
     */
    static Opening opening(String firstLine) {
        if (BULLET.matcher(firstLine).find()) {
            return Opening.BULLET;
        }
        if (NUMBERED.matcher(firstLine).find()) {
            return Opening.NUMBER;
        }
        String token = firstToken(firstLine);
        String after = firstLine.strip().substring(token.length()).strip();
        // Not a dash, which opens a line of dialogue in French or Russian as readily as an item.
        boolean asRead = token.length() == 1
                && BULLET_AS_READ.indexOf(token.charAt(0)) >= 0
                && "–—~".indexOf(token.charAt(0)) < 0;
        return asRead && firstToken(after).length() > 1 && Character.isLetterOrDigit(after.codePointAt(0))
                ? Opening.BULLET_AS_READ
                : Opening.NONE;
    }

    /**
     * Whether the paragraph {@code at} opens a list item, given how each paragraph of its page opens and whether the
     * one before it leads in to a list (ends on a colon, "the Legion:"), after which one item alone is a list too.
     */
    static boolean isItem(List<Opening> openings, int at, boolean afterLeadIn) {
        Opening before = at > 0 ? openings.get(at - 1) : Opening.NONE;
        Opening after = at + 1 < openings.size() ? openings.get(at + 1) : Opening.NONE;
        return switch (openings.get(at)) {
            case BULLET -> true;
            case NUMBER -> before == Opening.NUMBER || after == Opening.NUMBER;
            case BULLET_AS_READ ->
                afterLeadIn
                        || before == Opening.BULLET
                        || after == Opening.BULLET
                        || before == Opening.BULLET_AS_READ
                        || after == Opening.BULLET_AS_READ;
            case NONE -> false;
        };
    }

    /** A bullet that is nothing else: not a hyphen or an asterisk, which a line of prose may begin with. */
    private static final Pattern ROUND_BULLET = Pattern.compile("^[•·▪●◦]\\s+");

    /** Some of the lines begin with a bullet: two or more, or one with a bullet that is nothing else. */
    static boolean holdsItems(String[] lines) {
        return Arrays.stream(lines)
                                .filter(line -> BULLET.matcher(line.strip()).find())
                                .count()
                        >= 2
                || Arrays.stream(lines)
                        .anyMatch(line -> ROUND_BULLET.matcher(line.strip()).find());
    }

    /** A block's Markdown in parts: lines kept as they are, or a list. */
    record Segment(String markdown, boolean list) {}

    /**
     * A block's lines where bulleted lines follow a lead-in ("This specification proposes:") or precede other lines:
     * the lines before and after kept as they are, each bulleted line an item, with the lines that wrap it (those that
     * begin past its bullet, or go on with its sentence in lowercase) joined to it.
     */
    static List<Segment> withItems(List<MarkdownWriter.Line> lines, java.util.Set<String> hyphenated) {
        List<Segment> segments = new ArrayList<>();
        List<MarkdownWriter.Line> kept = new ArrayList<>();
        List<String> items = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            MarkdownWriter.Line line = lines.get(i++);
            if (line.text().isBlank()) {
                continue;
            }
            if (!BULLET.matcher(line.text().strip()).find()) {
                kept.add(line);
                continue;
            }
            if (!kept.isEmpty()) {
                segments.add(new Segment(keptAsTheyRead(kept, hyphenated), false));
                kept.clear();
            }
            List<String> item =
                    new ArrayList<>(List.of(BULLET.matcher(line.text().strip()).replaceFirst("")));
            int textStarts = line.words().size() > 1 ? line.words().get(1).bbox()[0] : Integer.MAX_VALUE;
            double em = line.height() > 0 ? line.height() : 10;
            while (i < lines.size() && wrapsItem(lines.get(i), textStarts, em)) {
                item.add(lines.get(i++).text().strip());
            }
            items.add("- " + MarkdownText.line(ParagraphLines.join(item.toArray(String[]::new), hyphenated)));
            if (i == lines.size()
                    || !BULLET.matcher(lines.get(i).text().strip()).find()) {
                segments.add(new Segment(String.join("\n", items), true));
                items.clear();
            }
        }
        if (!kept.isEmpty()) {
            segments.add(new Segment(keptAsTheyRead(kept, hyphenated), false));
        }
        return segments;
    }

    /** Lines around a list: joined when they are prose (a lead-in that wraps), else line by line. */
    private static String keptAsTheyRead(List<MarkdownWriter.Line> lines, java.util.Set<String> hyphenated) {
        String[] texts = lines.stream().map(line -> line.text().strip()).toArray(String[]::new);
        return ProseLines.isProse(lines)
                ? MarkdownText.line(ParagraphLines.join(texts, hyphenated))
                : String.join("\n", Arrays.stream(texts).map(MarkdownText::line).toList());
    }

    /**
     * The line wraps the item above it: no bullet of its own, and begun where the item's text begins (within half an em), or
     * in a lowercase letter (a script without case tells nothing so).
     */
    private static boolean wrapsItem(MarkdownWriter.Line line, int textStarts, double em) {
        String text = line.text().strip();
        return !text.isEmpty()
                && !BULLET.matcher(text).find()
                && (Math.abs(line.x0() - (double) textStarts) <= em / 2 || Character.isLowerCase(text.codePointAt(0)));
    }

    static String firstToken(String line) {
        String stripped = line.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }

    /** The lines as list items: numbers kept, bullets (or what a bullet was read as) as "- ". */
    static String items(String[] lines) {
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
}
