package com.ocrchat.ocr;

/** A recognized word: bbox [x0, y0, x1, y1] in page pixels (origin top-left), confidence 0..1. */
public record Word(String text, int[] bbox, double confidence) {

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
