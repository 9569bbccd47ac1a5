package com.ocrchat.page;

/** A recognized word: bbox [x0, y0, x1, y1] in page pixels (origin top-left), confidence 0..1. */
public record Word(String text, int[] bbox, double confidence) {

    /** The words' confidence weighted by their characters (code points), to 3 places; empty when they have none. */
    public static java.util.OptionalDouble meanConfidence(java.util.Collection<Word> words) {
        double weighted = 0;
        long characters = 0;
        for (Word word : words) {
            int length = word.text().codePointCount(0, word.text().length());
            weighted += word.confidence() * length;
            characters += length;
        }
        return characters == 0
                ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(Math.round(weighted / characters * 1000) / 1000.0);
    }

    /** The smallest box around the words. */
    public static int[] union(java.util.List<Word> words) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0;
        for (Word word : words) {
            x0 = Math.min(x0, word.bbox()[0]);
            y0 = Math.min(y0, word.bbox()[1]);
            x1 = Math.max(x1, word.bbox()[2]);
            y1 = Math.max(y1, word.bbox()[3]);
        }
        return new int[] {x0, y0, x1, y1};
    }
}
