package com.ocrchat.chat;

import com.ocrchat.conversation.Citation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an answer may claim. A citation is kept only when its snippet is on the cited page (whitespace and
 * case aside) and supports the answer sentence it is attached to: the sentences that name its page, or any
 * sentence when none does. A page reference written in the answer ("(p. 3)") stays only where a kept
 * citation of that page supports its sentence; any other is taken out of the text, so the answer never
 * points at a page that does not say what it claims.
 */
final class Citations {
    /** "(p. 3)", "(pp. 2, 4)", "(page 3)", "(pages 2-3)". */
    private static final Pattern PAGE_REFERENCE = Pattern.compile(
            "\\s*\\((?:pp?\\.|pages?)\\s*(\\d+(?:\\s*(?:-|–|,|and)\\s*\\d+)*)\\)", Pattern.CASE_INSENSITIVE);

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\"“(])|\\n+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> COMMON = Set.of(
            "the", "and", "for", "are", "was", "were", "with", "that", "this", "from", "has", "have", "its", "not",
            "but", "you", "your", "der", "die", "das", "und", "les", "des", "est", "del", "los", "las", "que");

    /** The answer as it may be given: its text without unbacked page references, and the citations kept. */
    record Grounded(String content, List<Citation> citations) {}

    private Citations() {}

    /** {@code pages}: each page's text, page 1 first. */
    static Grounded ground(String content, List<Citation> claimed, List<String> pages) {
        List<String> sentences = List.of(SENTENCE_END.split(content));
        List<Citation> kept = new ArrayList<>();
        for (Citation citation : new LinkedHashSet<>(claimed)) {
            if (onItsPage(citation, pages) && supportsAttached(citation, sentences)) {
                kept.add(citation);
            }
        }
        return new Grounded(withBackedReferencesOnly(content, kept), kept);
    }

    private static boolean onItsPage(Citation citation, List<String> pages) {
        if (citation == null || citation.snippet() == null || citation.page() < 1 || citation.page() > pages.size()) {
            return false;
        }
        String snippet = normalize(citation.snippet());
        return !snippet.isEmpty() && normalize(pages.get(citation.page() - 1)).contains(snippet);
    }

    private static boolean supportsAttached(Citation citation, List<String> sentences) {
        List<String> naming = sentences.stream()
                .filter(sentence -> referencedPages(sentence).contains(citation.page()))
                .toList();
        return (naming.isEmpty() ? sentences : naming).stream().anyMatch(sentence -> supports(citation, sentence));
    }

    /** The content with each page reference kept only where a kept citation of that page supports its sentence. */
    private static String withBackedReferencesOnly(String content, List<Citation> kept) {
        StringBuilder out = new StringBuilder();
        int sentenceStart = 0;
        Matcher end = SENTENCE_END.matcher(content);
        List<int[]> bounds = new ArrayList<>();
        while (end.find()) {
            bounds.add(new int[] {sentenceStart, end.start()});
            sentenceStart = end.start();
        }
        bounds.add(new int[] {sentenceStart, content.length()});
        for (int[] bound : bounds) {
            String sentence = content.substring(bound[0], bound[1]);
            Matcher reference = PAGE_REFERENCE.matcher(sentence);
            StringBuilder kept2 = new StringBuilder();
            while (reference.find()) {
                boolean backed = pagesOf(reference.group(1)).stream()
                        .allMatch(page -> kept.stream()
                                .anyMatch(citation -> citation.page() == page && supports(citation, sentence)));
                reference.appendReplacement(kept2, backed ? Matcher.quoteReplacement(reference.group()) : "");
            }
            reference.appendTail(kept2);
            out.append(kept2);
        }
        return out.toString();
    }

    private static Set<Integer> referencedPages(String sentence) {
        Set<Integer> pages = new HashSet<>();
        Matcher reference = PAGE_REFERENCE.matcher(sentence);
        while (reference.find()) {
            pages.addAll(pagesOf(reference.group(1)));
        }
        return pages;
    }

    /** "2", "2, 4", "2-4" (a range counts its ends and what lies between, up to a few pages). */
    private static Set<Integer> pagesOf(String list) {
        Set<Integer> pages = new HashSet<>();
        Matcher range = Pattern.compile("(\\d+)\\s*[-–]\\s*(\\d+)|(\\d+)").matcher(list);
        while (range.find()) {
            if (range.group(3) != null) {
                pages.add(Integer.parseInt(range.group(3)));
            } else {
                int from = Integer.parseInt(range.group(1));
                int to = Math.min(Integer.parseInt(range.group(2)), from + 20);
                for (int page = from; page <= to; page++) {
                    pages.add(page);
                }
            }
        }
        return pages;
    }

    /**
     * Whether the snippet says something of what the sentence says: two content words in common, or one that
     * is a figure, or (in a script without spaces) two characters in a row in common.
     */
    static boolean supports(Citation citation, String sentence) {
        String claim = PAGE_REFERENCE.matcher(sentence).replaceAll(" ");
        Set<String> said = words(claim);
        Set<String> shared = words(citation.snippet());
        shared.retainAll(said);
        if (shared.size() >= 2 || shared.stream().anyMatch(word -> word.chars().anyMatch(Character::isDigit))) {
            return true;
        }
        if (shared.size() == 1 && said.size() <= 2) {
            return true;
        }
        Set<String> pairs = characterPairs(claim);
        pairs.retainAll(characterPairs(citation.snippet()));
        return pairs.size() >= 2;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher word = WORD.matcher(normalize(text));
        while (word.find()) {
            String found = word.group();
            if ((found.length() >= 3 || found.chars().anyMatch(Character::isDigit)) && !COMMON.contains(found)) {
                words.add(found);
            }
        }
        return words;
    }

    /** Pairs of adjacent letters of scripts written without spaces (Han, kana, Thai, ...). */
    private static Set<String> characterPairs(String text) {
        Set<String> pairs = new HashSet<>();
        String letters = text.codePoints()
                .filter(code -> Character.isIdeographic(code)
                        || Character.UnicodeScript.of(code) == Character.UnicodeScript.HIRAGANA
                        || Character.UnicodeScript.of(code) == Character.UnicodeScript.KATAKANA
                        || Character.UnicodeScript.of(code) == Character.UnicodeScript.THAI)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        for (int i = 0; i + 2 <= letters.length(); i++) {
            pairs.add(letters.substring(i, i + 2));
        }
        return pairs;
    }

    static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
