package com.ocrchat.ocr;

import com.ocrchat.page.TextDirection;
import com.ocrchat.page.Word;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/** A text layer line's words: PDFBox's matched to the glyphs they were written from, and put in reading order. */
final class LayerWords {
    private LayerWords() {}

    /** A line's glyphs cut into words at its blank glyphs, and where its letters turn white or back ({@code light}). */
    static List<List<TextPosition>> cut(
            List<TextPosition> positions, java.util.function.Predicate<TextPosition> light) {
        List<List<TextPosition>> words = new ArrayList<>();
        List<TextPosition> word = new ArrayList<>();
        for (TextPosition position : positions) {
            String unicode = position.getUnicode();
            boolean blank = unicode == null || unicode.isBlank();
            if (!word.isEmpty() && (blank || light.test(word.get(word.size() - 1)) != light.test(position))) {
                words.add(word); // white letters beside dark ones are judged on their own
                word = new ArrayList<>();
            }
            if (!blank) {
                word.add(position);
            }
        }
        if (!word.isEmpty()) {
            words.add(word);
        }
        return words;
    }

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

    /**
     * A line's words in the order they are read: as drawn, left to right, unless most are Hebrew or Arabic; then from
     * the right, each run of other words within it (a number, an English name) still left to right, as bidi reads it.
     */
    static List<Word> wordsInReadingOrder(List<Word> line) {
        if (!TextColumns.rightToLeft(List.of(line))) {
            return line;
        }
        List<Word> fromTheRight = new ArrayList<>(line);
        fromTheRight.sort(
                java.util.Comparator.comparingInt((Word word) -> word.bbox()[0]).reversed());
        List<Word> read = new ArrayList<>(fromTheRight.size());
        List<Word> leftToRight = new ArrayList<>();
        for (Word word : fromTheRight) {
            if (TextDirection.isRightToLeft(word.text())) {
                java.util.Collections.reverse(leftToRight);
                read.addAll(leftToRight);
                leftToRight.clear();
                read.add(word);
            } else {
                leftToRight.add(word);
            }
        }
        java.util.Collections.reverse(leftToRight);
        read.addAll(leftToRight);
        return read;
    }
}
