package com.ocrchat.page;

/**
 * A word's type size from its box. OCR boxes are tight around the ink, so a box spans more or less of the em by the
 * letters it holds: capitals, digits and ascenders reach about 0.76 em above the baseline, x-height letters alone about
 * 0.55; descenders add about 0.24 below it, and brackets reach both ways (code's "answer);" is no x-height word). A
 * PDF text layer's words are boxed the same way ({@link #ascent}, {@link #descent}), so both kinds of page are measured
 * alike.
 */
public final class TypeSize {
    private TypeSize() {}

    /** Of the em, how far the word's letters reach above its baseline. */
    public static double ascent(String text) {
        boolean up = text.codePoints()
                .anyMatch(
                        c -> Character.isUpperCase(c) || Character.isDigit(c) || "bdfhiklt()[]{}|/\\".indexOf(c) >= 0);
        return up ? 0.76 : 0.55;
    }

    /** Of the em, how far the word's letters reach below its baseline. */
    public static double descent(String text) {
        return text.codePoints().anyMatch(c -> "gjpqy()[]{}|_".indexOf(c) >= 0) ? 0.24 : 0;
    }

    /**
     * The word's em in pixels, from its box; 0 for a word of fewer than two letters or digits (a bullet, a dash). A word
     * of three or more whose box is over twice as tall as wide is set vertically (a photo credit up a picture's side,
     * which Tesseract reads rotated): its em runs across the box, not down it, where its length would read as a title's.
     */
    public static double of(Word word) {
        long letters =
                word.text().codePoints().filter(Character::isLetterOrDigit).count();
        if (letters < 2) {
            return 0;
        }
        int width = word.bbox()[2] - word.bbox()[0];
        int height = word.bbox()[3] - word.bbox()[1];
        if (letters >= 3 && height > 2 * width) {
            return width / (ascent(word.text()) + descent(word.text()));
        }
        return em(word);
    }

    /** The word's em in pixels, from its box, whatever it holds. */
    public static double em(Word word) {
        return (word.bbox()[3] - word.bbox()[1]) / (ascent(word.text()) + descent(word.text()));
    }

    /** Where the word's baseline runs, in pixels from the top. */
    public static double baseline(Word word) {
        return word.bbox()[3] - descent(word.text()) * em(word);
    }
}
