package com.ocrchat.page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A document's running heads and feet: short blocks in a page's top or bottom margin that recur on at least half its
 * pages, word for word (a journal's name; its first copy is kept, unless the document says it outside its margins
 * too), or with a number that rises with the page, on half its pages or three in a row (a page number, alone or beside
 * a book's title or a volume's number; all copies go); and then the page numbers those foretell, alone or at the same
 * end of a head on two pages or more. The Markdown leaves them out, as a reader skips them; the text keeps every word
 * read.
 */
final class RunningLines {
    /** The share of a page's height, at its top and at its bottom, that running heads and feet sit in. */
    private static final double MARGIN = 0.1;

    private static final int MOST_WORDS = 12;
    private static final Pattern ARABIC = Pattern.compile("\\d{1,5}");
    private static final Pattern ROMAN = Pattern.compile("(?=[ivxlc])c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})");

    private RunningLines() {}

    /** One block in a margin: its page, its text, and its numbers in order. */
    private record Copy(Block block, int page, String text, List<Integer> numbers) {}

    /** The running heads and feet of these pages to leave out (by identity); none for a single page. */
    static Set<Block> of(List<Page> pages) {
        Set<Block> running = Collections.newSetFromMap(new IdentityHashMap<>());
        if (pages.size() < 2) {
            return running;
        }
        // Copies of one shape: their words alike but for numbers, in the same margin.
        Map<String, List<Copy>> shapes = new HashMap<>();
        for (Page page : pages) {
            for (Block block : marginal(page)) {
                String text = normalized(block.text());
                StringBuilder shape = new StringBuilder(block.bbox()[3] <= MARGIN * page.height() ? "head:" : "foot:");
                List<Integer> numbers = new ArrayList<>();
                for (String word : text.split(" ")) {
                    int value = number(word);
                    if (value >= 0) {
                        numbers.add(value);
                    }
                    shape.append(' ').append(value < 0 ? word : "#");
                }
                shapes.computeIfAbsent(shape.toString(), key -> new ArrayList<>())
                        .add(new Copy(block, page.index(), text, numbers));
            }
        }
        int enough = Math.max(2, (pages.size() + 1) / 2);
        Set<String> said = null;
        // How far the document's folios run ahead of its pages (a number rising with the page, found below).
        Set<Integer> folioOffsets = new java.util.HashSet<>();
        for (List<Copy> shape : shapes.values()) {
            // Word for word on enough pages: a running head, its first copy kept, unless the document says it elsewhere
            // too (a title page's title, which a manual's running head repeats): then every copy goes.
            for (List<Copy> same : group(shape, Copy::text).values()) {
                if (pages(same).size() >= enough) {
                    said = said == null ? said(pages, shapes) : said;
                    boolean elsewhere = said.contains(same.get(0).text());
                    same.subList(elsewhere ? 0 : 1, same.size()).forEach(copy -> running.add(copy.block()));
                }
            }
            // A number that rises with the page, on enough pages or three in a row (a chapter's folios, a book whose
            // front matter is numbered apart): a page number, alone or in a head; every copy goes.
            for (int at = 0; at < shape.get(0).numbers().size(); at++) {
                int position = at;
                for (List<Copy> rising : group(shape, copy -> copy.numbers().get(position) - copy.page())
                        .values()) {
                    if (pages(rising).size() >= enough || longestRun(pages(rising)) >= 3) {
                        rising.forEach(copy -> running.add(copy.block()));
                        Copy first = rising.get(0);
                        folioOffsets.add(first.numbers().get(position) - first.page());
                    }
                }
            }
        }
        // A folio those numbers foretell goes too: alone in a margin (a chapter's first page), or at the same end of a
        // head on two pages or more (a short chapter's own, "Chapter 2: Structures 3", where a long chapter's heads
        // confirmed the folios). A one-off line that opens with the page's number (a footnote, a list's item) stays.
        for (List<Copy> shape : shapes.values()) {
            if (shape.get(0).text().indexOf(' ') < 0) { // a shape of one word: each copy a number alone, or not
                shape.stream()
                        .filter(copy -> isFolio(copy.text(), copy.page(), folioOffsets))
                        .forEach(copy -> running.add(copy.block()));
                continue;
            }
            for (int end : new int[] {0, -1}) {
                if (pages(shape).size() >= 2
                        && shape.stream().allMatch(copy -> isFolio(edgeWord(copy, end), copy.page(), folioOffsets))) {
                    shape.forEach(copy -> running.add(copy.block()));
                }
            }
        }
        return running;
    }

    /**
     * What the pages say outside their margins' short blocks: each block's whole text, and each line of a block of
     * several. (A head that is also a foot is not said elsewhere: its first copy in each margin stays.)
     */
    private static Set<String> said(List<Page> pages, Map<String, List<Copy>> shapes) {
        Set<Block> marginal = Collections.newSetFromMap(new IdentityHashMap<>());
        shapes.values().forEach(copies -> copies.forEach(copy -> marginal.add(copy.block())));
        Set<String> said = new java.util.HashSet<>();
        for (Page page : pages) {
            for (Block block : page.blocks()) {
                if (!marginal.contains(block)) {
                    said.add(normalized(block.text()));
                    for (String line : block.text().strip().split("\n")) {
                        said.add(normalized(line));
                    }
                }
            }
        }
        return said;
    }

    private static String normalized(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static <K> Map<K, List<Copy>> group(List<Copy> copies, java.util.function.Function<Copy, K> by) {
        Map<K, List<Copy>> groups = new java.util.LinkedHashMap<>();
        copies.forEach(copy ->
                groups.computeIfAbsent(by.apply(copy), key -> new ArrayList<>()).add(copy));
        return groups;
    }

    private static java.util.SortedSet<Integer> pages(List<Copy> copies) {
        return copies.stream()
                .map(Copy::page)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The most pages in a row among these. */
    private static int longestRun(java.util.SortedSet<Integer> pages) {
        int longest = 0;
        int run = 0;
        int last = Integer.MIN_VALUE;
        for (int page : pages) {
            run = page == last + 1 ? run + 1 : 1;
            longest = Math.max(longest, run);
            last = page;
        }
        return longest;
    }

    /** The page's short blocks (two lines, a dozen words at most) wholly in its top or bottom margin. */
    private static List<Block> marginal(Page page) {
        if (page.markdown() != null || page.height() <= 0) {
            return List.of();
        }
        return page.blocks().stream()
                .filter(block -> !block.text().isBlank()
                        && block.text().strip().split("\n").length <= 2
                        && block.text().strip().split("\\s+").length <= MOST_WORDS)
                .filter(block ->
                        block.bbox()[3] <= MARGIN * page.height() || block.bbox()[1] >= (1 - MARGIN) * page.height())
                .toList();
    }

    /** The copy's first word ({@code end} 0) or last (-1). */
    private static String edgeWord(Copy copy, int end) {
        String[] words = copy.text().split(" ");
        return words[end == 0 ? 0 : words.length - 1];
    }

    /**
     * Whether the word is page {@code page}'s number in figures, as the document's folios run ({@code offsets} ahead of
     * it). Roman numerals are not taken here: as words, "I", "v" and "xi" begin and end lines of text too.
     */
    private static boolean isFolio(String word, int page, Set<Integer> offsets) {
        return ARABIC.matcher(bare(word)).matches() && offsets.contains(number(word) - page);
    }

    /** The word's value as a page number, arabic or roman (up to 399), punctuation around it aside; -1 if none. */
    private static int number(String word) {
        String bare = bare(word);
        if (ARABIC.matcher(bare).matches()) {
            return Integer.parseInt(bare);
        }
        if (!ROMAN.matcher(bare).matches()) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < bare.length(); i++) {
            int digit = roman(bare.charAt(i));
            value += i + 1 < bare.length() && digit < roman(bare.charAt(i + 1)) ? -digit : digit;
        }
        return value;
    }

    /** The word without the punctuation around it ("(3)." is "3"). */
    private static String bare(String word) {
        return word.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
    }

    private static int roman(char c) {
        return switch (c) {
            case 'i' -> 1;
            case 'v' -> 5;
            case 'x' -> 10;
            case 'l' -> 50;
            default -> 100;
        };
    }
}
