package com.ocrchat.page;

import java.lang.Character.UnicodeScript;
import java.util.Set;

/** Scripts written without spaces between words: Tesseract's "words" there are characters or clusters. */
public final class Spacing {
    private static final Set<UnicodeScript> UNSPACED = Set.of(
            UnicodeScript.HAN,
            UnicodeScript.HIRAGANA,
            UnicodeScript.KATAKANA,
            UnicodeScript.THAI,
            UnicodeScript.LAO,
            UnicodeScript.KHMER,
            UnicodeScript.MYANMAR,
            UnicodeScript.TIBETAN);

    private Spacing() {}

    public static boolean unspaced(int codePoint) {
        return UNSPACED.contains(UnicodeScript.of(codePoint));
    }
}
