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

    /**
     * What starts a block at the start of a line: a heading ("# "), quote, list item ("- ", "+ ", "1. "), or a rule or
     * setext underline (a line of only '-' or '='). "#tag", "-5 °C" and "+1" start none.
     */
    private static final Pattern BLOCK_START =
            Pattern.compile("^(#{1,6}(?=[ \\t]|$)|>|[-+](?=[ \\t]|$)|[-=][-= \\t]*$|[0-9]{1,9}(?=[.)]([ \\t]|$)))");

    /**
     * A short bracketed run such as a citation "[12]" or "[Smith 2001]": CommonMark reads it as text, unnested in
     * linear time, unless a '(' or '[' after it makes it a link. A shortcut link needs a definition "[12]: url", which
     * only starts a line: there a ':' after it is ruled out too, and "[ ]" or "[x]" (GitHub's task box).
     */
    private static final Pattern PLAIN_BRACKETS = Pattern.compile("\\[[^\\[\\]\\r\\n]{1,32}\\](?![(\\[])");

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
        return Character.isDigit(inline.charAt(0))
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
        int plainClosing = -1; // where a run of PLAIN_BRACKETS ends
        boolean atStart = true; // only blanks before
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            boolean escape = switch (c) {
                // '<' even alone: CommonMark's parser looks for a closing '>' from every one, so a run takes quadratic
                // time; so do nested and unmatched brackets, and a bracket may start a link.
                case '*', '`', '~', '|', '<' -> true;
                case '[' -> {
                    Matcher plain = PLAIN_BRACKETS.matcher(text).region(i, text.length());
                    // At the start, "[1]: url" would define a link and a list item's "[ ]" or "[x]" be a task's box.
                    boolean isPlain = plain.lookingAt()
                            && !(atStart
                                    && (plain.end() - i == 3 && " xX".indexOf(text.charAt(i + 1)) >= 0
                                            || plain.end() < text.length() && text.charAt(plain.end()) == ':'));
                    if (isPlain) {
                        plainClosing = plain.end() - 1;
                    }
                    yield !isPlain;
                }
                case ']' -> i != plainClosing;
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
            atStart &= Character.isWhitespace(c);
        }
        return escaped.toString();
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c);
    }
}
