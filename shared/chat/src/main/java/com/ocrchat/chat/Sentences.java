package com.ocrchat.chat;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import java.util.ArrayList;
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

    /** "ef-\nfort" is "effort"; "Secretary-\nGeneral" keeps its hyphen. */
    private static final Pattern SPLIT_WORD = Pattern.compile("(\\p{Ll})[-\u00AD]\\s*\\n\\s*(\\p{Ll})");

    private static final Pattern HYPHENATED_NAME = Pattern.compile("(\\p{L})-\\s*\\n\\s*(\\p{Lu})");
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\n\\s*");
    private static final Pattern CLAUSE_END = Pattern.compile("[;:]\\s|,\\s(?=\\p{Ll})");

    private Sentences() {}

    /** A document split: its sentences in reading order, and the running lines left out of them. */
    record Split(List<Sentence> sentences, List<String> runningLines) {}

    /** The document's sentences in reading order, each with its page and paragraph. */
    static Split of(List<Page> pages, String language) {
        Set<String> running = runningLines(pages);
        BreakIterator breaker = BreakIterator.getSentenceInstance(locale(language));
        List<Sentence> sentences = new ArrayList<>();
        int paragraph = 0;
        for (Page page : pages) {
            for (Block block : page.blocks()) {
                String text = joinLines(block.text());
                if (text.isEmpty() || running.contains(key(text))) {
                    continue;
                }
                for (String sentence : split(text, breaker)) {
                    sentences.add(new Sentence(page.index() + 1, paragraph, sentence));
                }
                paragraph++;
            }
        }
        return new Split(sentences, List.copyOf(running));
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
        String joined = SPLIT_WORD.matcher(text).replaceAll("$1$2");
        joined = HYPHENATED_NAME.matcher(joined).replaceAll("$1-$2");
        return LINE_BREAK.matcher(joined).replaceAll(" ").strip();
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

    /** Short lines that open or close at least two pages (and most of them, in a long document). */
    private static Set<String> runningLines(List<Page> pages) {
        if (pages.size() < 2) {
            return Set.of();
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Page page : pages) {
            Set<String> edges = new HashSet<>();
            List<Block> blocks = page.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                if (i < 2 || i >= blocks.size() - 2) {
                    String text = joinLines(blocks.get(i).text());
                    if (!text.isEmpty() && text.length() <= 80) {
                        edges.add(key(text));
                    }
                }
            }
            edges.forEach(line -> seen.merge(line, 1, Integer::sum));
        }
        int needed = Math.max(2, pages.size() / 3);
        Set<String> running = new HashSet<>();
        seen.forEach((line, count) -> {
            if (count >= needed) {
                running.add(line);
            }
        });
        return running;
    }

    /** Page numbers change from page to page; the rest of a running line does not. */
    private static String key(String line) {
        return line.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ");
    }

    private static ULocale locale(String language) {
        return language == null || language.isBlank() ? ULocale.ROOT : new ULocale(language);
    }
}
