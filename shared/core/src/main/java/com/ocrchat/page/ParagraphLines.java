package com.ocrchat.page;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A paragraph's lines joined into one line: a word hyphenated at a line end is made whole, unless the page writes it
 * with its hyphen elsewhere; Chinese and Japanese lines join without a space.
 */
public final class ParagraphLines {
    /** Longer is no word: "full-length" is looked for within this many characters each side of a line break. */
    private static final int LONGEST_WORD = 64;

    private static final Pattern WORD_BREAK = Pattern.compile("\\s+");

    private ParagraphLines() {}

    /**
     * The page's words written with a hyphen inside ("full-length"), in lower case: broken at that hyphen across two
     * lines, such a word keeps it.
     */
    static Set<String> hyphenatedWords(Page page) {
        Set<String> words = new HashSet<>();
        for (Block block : page.blocks()) {
            for (String word : WORD_BREAK.split(block.text())) {
                if (word.length() <= LONGEST_WORD && word.chars().anyMatch(ParagraphLines::isHyphen)) {
                    String bare = bare(word);
                    int hyphen = bare.indexOf('-');
                    if (hyphen > 0 && hyphen < bare.length() - 1) {
                        words.add(bare);
                    }
                }
            }
        }
        return words;
    }

    /**
     * Lines of one paragraph become one line; "exam-" + "ple" becomes "example", unless the page writes the word with
     * its hyphen elsewhere ({@code hyphenated}: "full-" + "length" stays "full-length") or the hyphen is not between
     * lower-case letters ("Secretary-General"); a soft hyphen at a line's end (U+00AD, which word processors write
     * where they broke a word) always goes; Chinese and Japanese join unspaced. The Markdown's paragraphs and the
     * chat's sentences are joined so.
     */
    public static String join(String[] lines, Set<String> hyphenated) {
        StringBuilder joined = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            char end = joined.isEmpty() ? ' ' : joined.charAt(joined.length() - 1);
            boolean soft = end == '\u00AD';
            if (joined.length() > 1
                    && (soft || isHyphen(end))
                    && !Character.isWhitespace(joined.charAt(joined.length() - 2))) {
                // A word broken in two ("exam-ple") is made whole; one whose hyphen is its own ("Secretary-General",
                // "UN-sponsored", "1990-1991", or a word the page writes so) keeps it, with no space after it.
                if (soft
                        || Character.isLowerCase(joined.charAt(joined.length() - 2))
                                && Character.isLowerCase(line.codePointAt(0))
                                && (hyphenated.isEmpty() || !hyphenated.contains(brokenWord(joined, line)))) {
                    joined.setLength(joined.length() - 1);
                }
            } else if (!joined.isEmpty()
                    && !(unspaced(joined.codePointBefore(joined.length())) && unspaced(line.codePointAt(0)))) {
                joined.append(' ');
            }
            joined.append(line);
        }
        return joined.toString();
    }

    /** The word broken across a line end, hyphen kept, in lower case: "full-" and "length," give "full-length". */
    private static String brokenWord(StringBuilder joined, String line) {
        // A long word's length each way at most: a page of lines without a blank would be walked over again and again.
        int start = joined.length() - 1;
        while (start > 0
                && joined.length() - start < LONGEST_WORD
                && !Character.isWhitespace(joined.charAt(start - 1))) {
            start--;
        }
        int end = 0;
        while (end < line.length() && end < LONGEST_WORD && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        String word = joined.substring(start) + line.substring(0, end);
        return bare(word);
    }

    /** A word without the punctuation around it ("(full-length)," is "full-length"), its hyphens '-', in lower case. */
    private static String bare(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && !Character.isLetterOrDigit(word.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        StringBuilder bare = new StringBuilder(end - start);
        word.substring(start, end).chars().forEach(c -> bare.append(isHyphen(c) ? '-' : (char) c));
        return bare.toString().toLowerCase(Locale.ROOT);
    }

    /** A hyphen as typeset: '-', U+2010, the non-breaking U+2011, or '¬' (a hyphen in some fonts' encodings). */
    private static boolean isHyphen(int c) {
        return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u00AC';
    }

    /**
     * Chinese and Japanese are written without spaces between words, so a line break between them joins with none
     * ("标点" + "符号" is one word); so do their full-width punctuation and kana.
     */
    private static boolean unspaced(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || (c >= 0x3000 && c <= 0x303F) // CJK symbols and punctuation: 。、「」
                || (c >= 0xFF00 && c <= 0xFFEF); // full-width forms: ，！？（）
    }
}
