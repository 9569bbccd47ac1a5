package com.ocrchat.chat;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of answer a question wants: a summary of the whole document, or a passage, and then which kind of
 * thing it asks for (a date for "when", a figure for "how many", an amount for "how much", a place for "where", a
 * name for "who"), so that the sentence holding one can be preferred.
 */
final class Questions {
    private static final Pattern SUMMARY =
            Pattern.compile("\\b(summar(y|ise|ize|izing|ising)|overview|main points?|key points?|gist|tl;?dr|recap)\\b"
                    + "|\\bwhat(?:'s| is| are)? (?:this|the) (?:document|text|file|paper|report|letter|page)s? about\\b"
                    + "|\\bwhat(?:'s| is) it about\\b|\\bin (?:a )?(?:few|short|brief)\\b");

    /** The kinds of answer a question can ask for, each with what such an answer looks like in a sentence. */
    enum Kind {
        DATE(
                Pattern.compile("\\b(when|what (date|year|day|month|time)|how long ago|until when|by when)\\b"),
                Pattern.compile(
                        "\\b(1[5-9]\\d\\d|20\\d\\d)\\b|\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b"
                                + "|\\b(January|February|March|April|May|June|July|August|September|October|November|December"
                                + "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|spring|summer|autumn|winter"
                                + "|session|annually|monthly|weekly|daily|yesterday|tomorrow)\\b",
                        Pattern.CASE_INSENSITIVE)),
        DURATION(
                Pattern.compile("\\b(how long|how far|how soon|how old|how often|what (size|capacity|distance)"
                        + "|period|duration|length)\\b"),
                Pattern.compile(
                        "\\b(\\d[\\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty)"
                                + "[\\s-]*(years?|months?|weeks?|days?|hours?|minutes?|seconds?|times?|millimetres?"
                                + "|centimetres?|metres?|meters?|kilometres?|km|cm|mm|litres?|liters?|ml|kg)\\b"
                                + "|\\b(every|each|per|once|twice)\\b",
                        Pattern.CASE_INSENSITIVE)),
        AMOUNT(
                Pattern.compile(
                        "\\b(how much|what (is|was) the (total|price|cost|amount|fee|balance|sum)|cost|price)\\b"),
                Pattern.compile(
                        "[$€£¥]\\s?\\d|\\d[\\d,.]*\\s?(million|billion|thousand|bn)?\\s?"
                                + "(USD|EUR|GBP|JPY|CHF|dollars?|euros?|pounds?|%|percent|litres?|liters?)\\b"
                                + "|\\b\\d[\\d,]*\\.\\d{2}\\b",
                        Pattern.CASE_INSENSITIVE)),
        COUNT(
                Pattern.compile("\\b(how many|number of|what number|which number)\\b"),
                Pattern.compile(
                        "\\b\\d+\\b|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
                                + "|hundred|thousand|million|dozen|several)\\b",
                        Pattern.CASE_INSENSITIVE)),
        PLACE(
                Pattern.compile("\\b(where|which (city|country|place|town|address|location))\\b"),
                Pattern.compile("\\b(in|at|from|to|near)\\s+(the\\s+)?\\p{Lu}\\p{L}+|\\b(Street|Avenue|Road|City|Square"
                        + "|Building|Headquarters|Hall|Room|Floor)\\b")),
        PERSON(
                Pattern.compile("\\b(who|whom|whose|which (person|organi[sz]ation|body|company|committee))\\b"),
                Pattern.compile("\\b(Mr|Mrs|Ms|Dr|Prof)\\.?\\s+\\p{Lu}|\\b\\p{Lu}\\p{L}+(\\s+\\p{Lu}\\p{L}+)+"
                        + "|\\b(Secretary-General|President|Director|Committee|Council|Assembly|Board|Commission"
                        + "|Government|Ministry|Company|Inc|Ltd|Corp)\\b")),
        OTHER(null, null);

        private final Pattern asks;
        private final Pattern looksLike;

        Kind(Pattern asks, Pattern looksLike) {
            this.asks = asks;
            this.looksLike = looksLike;
        }

        /** Whether the sentence holds this kind of thing (OTHER: any sentence may). */
        boolean foundIn(String sentence) {
            return looksLike == null || looksLike.matcher(sentence).find();
        }
    }

    private Questions() {}

    static boolean asksForSummary(String question) {
        return SUMMARY.matcher(question.toLowerCase(Locale.ROOT)).find();
    }

    /** Every kind of thing the question asks for ("what is the total and when is it due?": an amount and a date). */
    static java.util.Set<Kind> kinds(String question) {
        String asked = question.toLowerCase(Locale.ROOT);
        java.util.Set<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
        for (Kind kind : Kind.values()) {
            if (kind.asks != null && kind.asks.matcher(asked).find()) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
