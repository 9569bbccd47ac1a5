package com.ocrchat.page;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognized text made safe to place in Markdown: it reads as the same text wherever the Markdown is rendered
 * (CommonMark and GitHub's tables and strikethrough), and never becomes a heading, list, quote, rule, code block,
 * HTML, link or emphasis of its own. A document's text is its uploader's to choose, and OCR reads "* * *" or
 * "<div>" as readily as words; unescaped, such a line dropped the rest of its page from the Word export (a fence
 * opening a code block) and made CommonMark's parser take quadratic time (a run of "<").
 */
public final class MarkdownText {
    /** A character entity or numeric reference, which a renderer would show as the character it names. */
    private static final Pattern ENTITY =
            Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

    /** What starts a block at the start of a line: a heading, quote, list item, rule, setext line or table row. */
    private static final Pattern BLOCK_START = Pattern.compile("^([#>=+\\-:|]|[0-9]{1,9}(?=[.)](\\s|$)))");

    /** An ATX heading's optional closing sequence: '#'s after a blank, at the end. */
    private static final Pattern CLOSING_HASHES = Pattern.compile("(\\s)(#+\\s*)$");

    private MarkdownText() {}

    /**
     * A line (or a paragraph joined into one) of recognized text, escaped to read as itself; its leading blanks go (four
     * would make it code).
     */
    public static String line(String text) {
        String inline = inline(text.stripLeading());
        Matcher start = BLOCK_START.matcher(inline);
        if (!start.find()) {
            return inline;
        }
        // "1. " stays a number: the escape goes before its full stop, "1\. ".
        return start.group(1).chars().allMatch(Character::isDigit)
                ? start.group(1) + "\\" + inline.substring(start.end())
                : "\\" + inline;
    }

    /** A heading's text: as a line, and a closing run of '#' kept as text ("Section #" is no "Section"). */
    public static String heading(String text) {
        return CLOSING_HASHES.matcher(line(text)).replaceFirst("$1\\\\$2");
    }

    /** Text within a line (a table's cell, a list item's words): its emphasis, code, HTML and link characters escaped. */
    public static String inline(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            boolean escape = switch (c) {
                // '<' and '[' even alone: unmatched and in runs, CommonMark's parser takes quadratic time over them.
                case '*', '`', '~', '|', '<', '[', ']' -> true;
                case '\\' -> isAsciiPunctuation(next) || i + 1 == text.length();
                case '_' ->
                    !(i > 0
                            && Character.isLetterOrDigit(text.charAt(i - 1))
                            && Character.isLetterOrDigit(next)); // snake_case never emphasizes
                case '&' -> ENTITY.matcher(text).region(i, text.length()).lookingAt();
                default -> false;
            };
            if (c == '\n' || c == '\r') {
                escaped.append(' '); // a cell or an item is one line
                continue;
            }
            if (escape) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c);
    }
}
