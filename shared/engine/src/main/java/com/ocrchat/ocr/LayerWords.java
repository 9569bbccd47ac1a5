package com.ocrchat.ocr;

import java.text.Normalizer;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/** PDFBox's words of a text layer's line matched to the glyphs they were written from. */
final class LayerWords {
    private LayerWords() {}

    /**
     * How PDFBox's words match the glyphs' (each the same letters, ligatures written out): in order, or reversed, as
     * PDFBox gives a right-to-left line whose spaces are glyphs in reading order; 0 if neither, and the glyphs' own
     * text is kept.
     */
    static int pairing(String[] texts, List<List<TextPosition>> words) {
        if (texts.length != words.size()) {
            return 0;
        }
        String[] owns = new String[words.size()];
        for (int index = 0; index < owns.length; index++) {
            StringBuilder own = new StringBuilder();
            words.get(index).forEach(position -> own.append(position.getUnicode()));
            owns[index] = own.toString();
        }
        if (matches(owns, texts, false)) {
            return 1; // most lines: checked first, and word by word as written before letter by letter
        }
        return matches(owns, texts, true) ? -1 : 0;
    }

    private static boolean matches(String[] owns, String[] texts, boolean reversed) {
        for (int index = 0; index < owns.length; index++) {
            String text = texts[reversed ? texts.length - 1 - index : index];
            if (!owns[index].equals(text) && !letters(owns[index]).equals(letters(text))) {
                return false;
            }
        }
        return true;
    }

    /** The word's letters in code point order, presentation forms (ligatures) decomposed as PDFBox does. */
    private static String letters(String word) {
        StringBuilder decomposed = new StringBuilder();
        word.codePoints()
                .forEach(c -> decomposed.append(
                        c >= 0xFB00 && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFF
                                ? Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC)
                                : Character.toString(c)));
        return decomposed
                .codePoints()
                .sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
