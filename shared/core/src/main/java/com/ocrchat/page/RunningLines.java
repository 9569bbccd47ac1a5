package com.ocrchat.page;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A document's running heads and feet: short blocks in a page's top or bottom margin that recur, numbers aside, on at
 * least half its pages (a book's title over every page, a journal's name and issue under it), and page numbers alone
 * in a margin. The Markdown leaves them out, as a reader skips them; the text keeps every word read.
 */
final class RunningLines {
    /** The share of a page's height, at its top and at its bottom, that running heads and feet sit in. */
    private static final double MARGIN = 0.1;

    private static final Pattern NUMBER = Pattern.compile("\\d+|[ivxlcdm]{1,7}");
    private static final Pattern PAGE_NUMBER =
            Pattern.compile("(page |p\\. |seite |página |pagina )?# ?((of|/|de|von|di|sur) ?#)?|[-–—] ?# ?[-–—]");

    private RunningLines() {}

    /** The running heads, feet and page numbers of these pages (by identity); none for a single page. */
    static Set<Block> of(List<Page> pages) {
        Set<Block> running = Collections.newSetFromMap(new IdentityHashMap<>());
        if (pages.size() < 2) {
            return running;
        }
        Map<String, Set<Integer>> pagesWith = new HashMap<>();
        for (Page page : pages) {
            for (Block block : marginal(page)) {
                pagesWith
                        .computeIfAbsent(key(page, block), key -> new HashSet<>())
                        .add(page.index());
            }
        }
        int enough = Math.max(2, (pages.size() + 1) / 2);
        for (Page page : pages) {
            for (Block block : marginal(page)) {
                String key = key(page, block);
                if (PAGE_NUMBER.matcher(key.substring(key.indexOf(':') + 1)).matches()
                        || pagesWith.get(key).size() >= enough) {
                    running.add(block);
                }
            }
        }
        return running;
    }

    /** The page's blocks of one or two lines that lie wholly in its top or bottom margin (none on a model's page). */
    private static List<Block> marginal(Page page) {
        if (page.markdown() != null || page.height() <= 0) {
            return List.of();
        }
        return page.blocks().stream()
                .filter(block -> block.text().strip().split("\n").length <= 2
                        && !block.text().isBlank())
                .filter(block ->
                        block.bbox()[3] <= MARGIN * page.height() || block.bbox()[1] >= (1 - MARGIN) * page.height())
                .toList();
    }

    /** Where the block sits (head or foot) and its words in lowercase, each number (arabic or roman) as "#". */
    private static String key(Page page, Block block) {
        String words = block.text().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        StringBuilder shape = new StringBuilder();
        for (String word : words.split(" ")) {
            shape.append(shape.isEmpty() ? "" : " ").append(NUMBER.matcher(word).matches() ? "#" : word);
        }
        return (block.bbox()[3] <= MARGIN * page.height() ? "head:" : "foot:") + shape;
    }
}
