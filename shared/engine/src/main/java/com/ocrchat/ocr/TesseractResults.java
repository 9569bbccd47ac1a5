package com.ocrchat.ocr;

import com.ocrchat.page.Block;
import com.ocrchat.page.Spacing;
import com.ocrchat.page.Word;
import com.sun.jna.Pointer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;

/**
 * Tesseract's result as the service's words and blocks: one block per paragraph Tesseract found, its
 * lines kept, words spaced as Tesseract's own line text spaces them, each word with its box and
 * confidence (0..1).
 */
final class TesseractResults {
    private static final int RIL_PARA = ITessAPI.TessPageIteratorLevel.RIL_PARA;
    private static final int RIL_TEXTLINE = ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE;
    private static final int RIL_WORD = ITessAPI.TessPageIteratorLevel.RIL_WORD;

    private TesseractResults() {}

    /**
     * Tesseract follows lines turned by 90 degrees (and says they are upright), so the page is judged by its
     * words: on a page lying on its side, words of three letters or more are taller than they are wide.
     */
    static boolean upright(List<Block> blocks) {
        int words = 0;
        int tall = 0;
        for (Block block : blocks) {
            for (Word word : block.words()) {
                if (word.text().codePointCount(0, word.text().length()) >= 3) {
                    words++;
                    if (word.bbox()[3] - word.bbox()[1] > word.bbox()[2] - word.bbox()[0]) {
                        tall++;
                    }
                }
            }
        }
        return tall * 2 <= words;
    }

    static List<Block> readBlocks(TessAPI api, TessBaseAPI handle) {
        List<Block> blocks = new ArrayList<>();
        TessResultIterator results = api.TessBaseAPIGetIterator(handle);
        if (results == null) {
            return blocks;
        }
        try {
            TessPageIterator position = api.TessResultIteratorGetPageIterator(results);
            BlockBuilder block = null;
            String line = "";
            int cursor = 0;
            IntBuffer x0 = IntBuffer.allocate(1),
                    y0 = IntBuffer.allocate(1),
                    x1 = IntBuffer.allocate(1),
                    y1 = IntBuffer.allocate(1);
            do {
                Pointer textPointer = api.TessResultIteratorGetUTF8Text(results, RIL_WORD);
                if (textPointer == null) {
                    continue;
                }
                String raw =
                        textPointer.getString(0, StandardCharsets.UTF_8.name()).strip();
                String text = greekMu(raw);
                api.TessDeleteText(textPointer);
                if (text.isEmpty()) {
                    continue;
                }
                boolean newParagraph = api.TessPageIteratorIsAtBeginningOf(position, RIL_PARA) == ITessAPI.TRUE;
                boolean newLine = api.TessPageIteratorIsAtBeginningOf(position, RIL_TEXTLINE) == ITessAPI.TRUE;
                if (block == null || newParagraph) {
                    if (block != null) {
                        blocks.add(block.build());
                    }
                    block = new BlockBuilder();
                } else if (newLine) {
                    block.newLine();
                }
                if (block.atLineStart()) {
                    line = lineText(api, results);
                    cursor = 0;
                }
                // Tesseract's own line text says where words are spaced: Korean comes word by word as syllables.
                int at = line.indexOf(raw, cursor);
                boolean spaced = at < 0 || line.substring(cursor, at).chars().anyMatch(Character::isWhitespace);
                cursor = at < 0 ? cursor : at + raw.length();
                api.TessPageIteratorBoundingBox(position, RIL_WORD, x0, y0, x1, y1);
                double confidence =
                        Math.max(0, Math.min(100, api.TessResultIteratorConfidence(results, RIL_WORD))) / 100.0;
                block.add(
                        new Word(
                                text,
                                new int[] {
                                    x0.get(0),
                                    y0.get(0),
                                    Math.max(x1.get(0), x0.get(0) + 1),
                                    Math.max(y1.get(0), y0.get(0) + 1)
                                },
                                confidence),
                        spaced);
            } while (api.TessPageIteratorNext(position, RIL_WORD) == ITessAPI.TRUE);
            if (block != null) {
                blocks.add(block.build());
            }
        } finally {
            api.TessResultIteratorDelete(results);
        }
        return blocks;
    }

    private static String lineText(TessAPI api, TessResultIterator results) {
        Pointer pointer = api.TessResultIteratorGetUTF8Text(results, RIL_TEXTLINE);
        if (pointer == null) {
            return "";
        }
        String line = pointer.getString(0, StandardCharsets.UTF_8.name());
        api.TessDeleteText(pointer);
        return line;
    }

    /** Tesseract's Greek model writes the micro sign (U+00B5) for mu (U+03BC) inside Greek words. */
    static String greekMu(String word) {
        if (word.indexOf('\u00B5') < 0
                || word.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK)) {
            return word;
        }
        return word.replace('\u00B5', '\u03BC');
    }

    /** Collects one paragraph's words line by line. */
    private static final class BlockBuilder {
        private final List<Word> words = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        void newLine() {
            if (!text.isEmpty()) {
                text.append('\n');
            }
        }

        boolean atLineStart() {
            return text.isEmpty() || text.charAt(text.length() - 1) == '\n';
        }

        /** {@code spaced}: Tesseract put a space before the word (it never does in scripts written without spaces). */
        void add(Word word, boolean spaced) {
            if (!atLineStart()
                    && spaced
                    && !(Spacing.unspaced(text.codePointBefore(text.length()))
                            && Spacing.unspaced(word.text().codePointAt(0)))) {
                text.append(' ');
            }
            text.append(word.text());
            words.add(word);
        }

        Block build() {
            return new Block(
                    text.toString(),
                    Word.union(words),
                    Word.meanConfidence(words).orElse(0),
                    List.copyOf(words));
        }
    }
}
