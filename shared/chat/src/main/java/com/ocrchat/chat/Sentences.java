package com.ocrchat.chat;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.ParagraphLines;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A job's text as the sentences a reader sees: each block (a paragraph, in reading order; columns are separate
 * blocks) with its lines joined and line-end hyphenation undone, split by ICU's sentence rules for the job's
 * language; a very long sentence is cut at a clause boundary. Running headers and footers (the same short line
 * at the top or bottom of several pages) are left out: they answer nothing.
 */
final class Sentences {
    /** A sentence longer than this is quoted by its clauses. */
    static final int LONGEST = 400;

    private static final Pattern LABEL = Pattern.compile("\\p{Lu}[^:.!?]{0,40}:\\s");
    private static final Pattern ITEM_START = Pattern.compile("[\\p{Lu}\\p{N}]");
    private static final Pattern CLAUSE_END = Pattern.compile("[;:]\\s|,\\s(?=\\p{Ll})");
    /** A block that ends a paragraph: its last character ends a sentence or a clause. */
    private static final Pattern ENDED = Pattern.compile("[.!?;:\"”)’]$");
    /** A block that carries on the one before: it starts in lower case. */
    private static final Pattern RUNS_ON = Pattern.compile("\\p{Ll}");

    private Sentences() {}

    /** A document split: its sentences in reading order, and the running lines left out of them. */
    record Split(List<Sentence> sentences, List<String> runningLines) {}

    /** The document's sentences in reading order, each with its page and paragraph. */
    static Split of(List<Page> pages, String language) {
        Map<String, String> running = runningLines(pages);
        BreakIterator breaker = BreakIterator.getSentenceInstance(locale(language));
        List<Sentence> sentences = new ArrayList<>();
        int paragraph = 0;
        // A paragraph that runs on across a page or column break (it stops without an end, the next block goes on
        // in lower case) is read as one, under the page it starts on.
        String pending = null;
        int pendingPage = 0;
        for (Page page : pages) {
            List<Block> blocks = page.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                String text = joinLines(blocks.get(i).text());
                if (text.isEmpty() || (atEdge(i, blocks.size()) && running.containsKey(key(text, page.index() + 1)))) {
                    continue;
                }
                if (pending != null && RUNS_ON.matcher(text).lookingAt()) {
                    pending = joinLines(pending + "\n" + text); // "contribu-" + "tions" is "contributions"
                } else {
                    if (pending != null) {
                        paragraph = add(sentences, pending, pendingPage, paragraph, breaker);
                    }
                    pending = text;
                    pendingPage = page.index() + 1;
                }
                if (ENDED.matcher(pending).find()) {
                    paragraph = add(sentences, pending, pendingPage, paragraph, breaker);
                    pending = null;
                }
            }
        }
        if (pending != null) {
            add(sentences, pending, pendingPage, paragraph, breaker);
        }
        return new Split(sentences, List.copyOf(running.values()));
    }

    private static int add(List<Sentence> sentences, String text, int page, int paragraph, BreakIterator breaker) {
        for (String sentence : split(text, breaker)) {
            sentences.add(new Sentence(page, paragraph, sentence));
        }
        return paragraph + 1;
    }

    private static boolean atEdge(int block, int blocks) {
        return block < 2 || block >= blocks - 2;
    }

    /**
     * A sentence, or a clause of one, or a "label: value" line (an invoice's "Total: 215.00 USD"), as opposed to a
     * heading, a caption or a signature line.
     */
    static boolean isSentence(String text) {
        return text.split("\\s+").length >= 3 && text.matches("(?s).*[.!?;:,\"”)’]$|(?s)[^:]{1,60}:\\s*\\S.*");
    }

    /** A block's lines as running text: hyphenation at line ends undone, other line breaks become spaces. */
    static String joinLines(String text) {
        String[] lines = text.strip().split("\\s*\\n\\s*");
        int longest = 0;
        for (String line : lines) {
            longest = Math.max(longest, line.length());
        }
        // An item's wrapped lines are joined as the Markdown's paragraphs are ("ef-/fort" is "effort", "Secretary-/
        // General" keeps its hyphen); items stay apart on lines of their own, which ICU keeps apart.
        List<String> items = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= lines.length; i++) {
            if (i == lines.length || itemStarts(lines[i - 1], lines[i], longest)) {
                items.add(ParagraphLines.join(Arrays.copyOfRange(lines, first, i), Set.of()));
                first = i;
            }
        }
        return String.join("\n", items).strip();
    }

    /**
     * Whether a line starts an item of its own rather than carrying on the one before: a "label: value" line (an
     * invoice's "Total: 215.00 USD"), or a capitalized line after a short one that stops without a comma or
     * hyphen (a list, an address), where a wrapped paragraph's lines run to the block's full width.
     */
    private static boolean itemStarts(String before, String line, int longest) {
        if (LABEL.matcher(line).lookingAt()) {
            return true;
        }
        return ITEM_START.matcher(line).lookingAt()
                && before.length() < longest * 0.7
                && !before.matches(".*[,\\-\u00AD]$");
    }

    private static List<String> split(String text, BreakIterator breaker) {
        List<String> sentences = new ArrayList<>();
        breaker.setText(text);
        int start = breaker.first();
        for (int end = breaker.next(); end != BreakIterator.DONE; start = end, end = breaker.next()) {
            String sentence = text.substring(start, end).strip();
            if (sentence.isEmpty()) {
                continue;
            }
            sentences.addAll(sentence.length() > LONGEST ? clauses(sentence) : List.of(sentence));
        }
        return sentences;
    }

    /** A very long sentence in pieces of at most about {@link #LONGEST} characters, cut after a clause's end. */
    private static List<String> clauses(String sentence) {
        List<String> pieces = new ArrayList<>();
        String rest = sentence;
        while (rest.length() > LONGEST) {
            var ends = CLAUSE_END.matcher(rest);
            int cut = -1;
            while (ends.find() && ends.start() < LONGEST) {
                cut = ends.start() + 1;
            }
            if (cut < LONGEST / 4) {
                cut = rest.lastIndexOf(' ', LONGEST); // no clause end early enough: between words
            }
            if (cut <= 0) {
                break;
            }
            pieces.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /** Short lines that open or close at least two pages (and most of them, in a long document): key to text. */
    private static Map<String, String> runningLines(List<Page> pages) {
        if (pages.size() < 2) {
            return Map.of();
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (Page page : pages) {
            Set<String> edges = new HashSet<>();
            List<Block> blocks = page.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                if (atEdge(i, blocks.size())) {
                    String text = joinLines(blocks.get(i).text());
                    if (!text.isEmpty() && text.length() <= 80) {
                        String key = key(text, page.index() + 1);
                        edges.add(key);
                        texts.putIfAbsent(key, text);
                    }
                }
            }
            edges.forEach(line -> seen.merge(line, 1, Integer::sum));
        }
        int needed = Math.max(2, pages.size() / 3);
        Map<String, String> running = new HashMap<>();
        seen.forEach((line, count) -> {
            if (count >= needed) {
                running.put(line, texts.get(line));
            }
        });
        return running;
    }

    /**
     * A running line as compared across pages: its page number (the only number that changes with the page, so
     * "Total: 1,250.00" on two pages is not one) as "#", without case, punctuation or spacing (OCR varies those).
     */
    private static String key(String line, int page) {
        return line.toLowerCase(Locale.ROOT)
                .replaceAll("(?<![\\d.,])" + page + "(?![\\d.,])", "#")
                .replaceAll("[^\\p{L}\\p{N}#]+", "");
    }

    private static ULocale locale(String language) {
        // "ss=standard": ICU's list of abbreviations ("Mr.", "e.g.", "U.S.") that do not end a sentence.
        return new ULocale((language == null || language.isBlank() ? "en" : language) + "@ss=standard");
    }
}
