package com.ocrchat.ocr;

import com.ocrchat.page.Block;
import com.ocrchat.page.Spacing;
import com.ocrchat.page.Word;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;

/**
 * Tesseract's result as the service's words and blocks: one block per paragraph Tesseract found, its
 * lines kept, words spaced as Tesseract's own line text spaces them, each word with its box and
 * confidence (0..1).
 */
final class TesseractResults {
    private static final int RIL_PARA = ITessAPI.TessPageIteratorLevel.RIL_PARA;
    private static final int RIL_TEXTLINE = ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE;
    private static final int RIL_WORD = ITessAPI.TessPageIteratorLevel.RIL_WORD;

    /** Models of scripts whose words are not all separated by spaces, or whose words Tesseract splits further. */
    private static final Set<String> UNSPACED = Set.of(
            "chi_sim",
            "chi_tra",
            "chi_sim_vert",
            "chi_tra_vert",
            "jpn",
            "jpn_vert",
            "kor",
            "kor_vert",
            "tha",
            "lao",
            "khm",
            "mya",
            "bod",
            "dzo",
            "script/HanS",
            "script/HanT",
            "script/Japanese",
            "script/Hangul",
            "script/Thai",
            "script/Lao",
            "script/Khmer",
            "script/Myanmar",
            "script/Tibetan",
            "HanS",
            "HanT",
            "Japanese",
            "Hangul",
            "Thai",
            "Lao",
            "Khmer",
            "Myanmar",
            "Tibetan",
            "HanS_vert",
            "HanT_vert",
            "Japanese_vert",
            "Hangul_vert");

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

    /**
     * Walks the result word by word through direct-mapped calls ({@link ResultCalls}): several native calls per
     * word, which through the interface-mapped {@code TessAPI} cost seconds on a dense newspaper page. Boxes are
     * moved by ({@code left}, {@code top}): where the image read lies on the page. The words are walked left to
     * right ({@link LeftToRightCalls}: the same words in the same order, 16 times faster over 35 real pages), and in
     * reading order again if a word reads right to left.
     */
    static List<Block> readBlocks(TessBaseAPI handle, String languages, int left, int top) {
        boolean spacedScripts = Arrays.stream(languages.split("\\+")).noneMatch(UNSPACED::contains);
        if (LeftToRightCalls.available()) {
            List<Block> blocks = walk(handle, true, spacedScripts, left, top);
            if (blocks != null) {
                return blocks;
            }
        }
        return walk(handle, false, spacedScripts, left, top);
    }

    /** The blocks walked left to right or in reading order; null when walked left to right and a word reads from the right. */
    static List<Block> walk(TessBaseAPI handle, boolean leftToRight, boolean spacedScripts, int left, int top) {
        List<Block> blocks = new ArrayList<>();
        TessResultIterator results = ResultCalls.TessBaseAPIGetIterator(handle);
        if (results == null) {
            return blocks;
        }
        try {
            TessPageIterator position = ResultCalls.TessResultIteratorGetPageIterator(results);
            Steps steps = leftToRight ? new LeftToRightSteps(position) : new ReadingOrderSteps(results, position);
            BlockBuilder block = null;
            String line = "";
            int cursor = 0;
            int[] x0 = new int[1], y0 = new int[1], x1 = new int[1], y1 = new int[1];
            do {
                Pointer textPointer = steps.wordText();
                if (textPointer == null) {
                    continue;
                }
                String raw =
                        textPointer.getString(0, StandardCharsets.UTF_8.name()).strip();
                String text = greekMu(raw);
                ResultCalls.TessDeleteText(textPointer);
                if (text.isEmpty()) {
                    continue;
                }
                if (leftToRight && readsRightToLeft(text)) {
                    return null;
                }
                // A paragraph begins at a line's beginning: asked only there (in reading order each question walks
                // Tesseract's page).
                boolean newLine = steps.atBeginningOf(RIL_TEXTLINE);
                boolean newParagraph = newLine && steps.atBeginningOf(RIL_PARA);
                if (block == null || newParagraph) {
                    if (block != null) {
                        blocks.add(block.build());
                    }
                    block = new BlockBuilder();
                } else if (newLine) {
                    block.newLine();
                }
                boolean spaced = true;
                if (!spacedScripts) {
                    // Tesseract's own line text says where words are spaced: Korean comes word by word as syllables,
                    // Chinese and Japanese unspaced. (Asked only for these scripts: it costs a walk of each line.)
                    if (block.atLineStart()) {
                        line = lineText(results);
                        cursor = 0;
                    }
                    int at = line.indexOf(raw, cursor);
                    spaced = at < 0 || line.substring(cursor, at).chars().anyMatch(Character::isWhitespace);
                    cursor = at < 0 ? cursor : at + raw.length();
                }
                ResultCalls.TessPageIteratorBoundingBox(position, RIL_WORD, x0, y0, x1, y1);
                double confidence =
                        Math.max(0, Math.min(100, ResultCalls.TessResultIteratorConfidence(results, RIL_WORD))) / 100.0;
                block.add(
                        new Word(
                                text,
                                new int[] {
                                    left + x0[0],
                                    top + y0[0],
                                    left + Math.max(x1[0], x0[0] + 1),
                                    top + Math.max(y1[0], y0[0] + 1)
                                },
                                confidence),
                        spaced);
            } while (steps.next());
            if (block != null) {
                blocks.add(block.build());
            }
        } finally {
            ResultCalls.TessResultIteratorDelete(results);
        }
        return blocks;
    }

    /** Whether a word has a letter or digit of a right-to-left script: the reading order then differs. */
    private static boolean readsRightToLeft(String word) {
        return word.codePoints().anyMatch(c -> {
            byte direction = Character.getDirectionality(c);
            return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                    || direction == Character.DIRECTIONALITY_ARABIC_NUMBER;
        });
    }

    /** How a walk moves through the words. */
    private interface Steps {
        Pointer wordText();

        boolean atBeginningOf(int level);

        boolean next();
    }

    private record ReadingOrderSteps(TessResultIterator results, TessPageIterator position) implements Steps {
        @Override
        public Pointer wordText() {
            return ResultCalls.TessResultIteratorGetUTF8Text(results, RIL_WORD);
        }

        @Override
        public boolean atBeginningOf(int level) {
            return ResultCalls.TessPageIteratorIsAtBeginningOf(position, level) == ITessAPI.TRUE;
        }

        @Override
        public boolean next() {
            return ResultCalls.TessPageIteratorNext(position, RIL_WORD) == ITessAPI.TRUE;
        }
    }

    private record LeftToRightSteps(TessPageIterator position) implements Steps {
        @Override
        public Pointer wordText() {
            return LeftToRightCalls.text(position, RIL_WORD);
        }

        @Override
        public boolean atBeginningOf(int level) {
            return LeftToRightCalls.isAtBeginningOf(position, level) != 0;
        }

        @Override
        public boolean next() {
            return LeftToRightCalls.next(position, RIL_WORD) != 0;
        }
    }

    private static String lineText(TessResultIterator results) {
        Pointer pointer = ResultCalls.TessResultIteratorGetUTF8Text(results, RIL_TEXTLINE);
        if (pointer == null) {
            return "";
        }
        String line = pointer.getString(0, StandardCharsets.UTF_8.name());
        ResultCalls.TessDeleteText(pointer);
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
