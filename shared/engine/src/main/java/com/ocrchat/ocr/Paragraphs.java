package com.ocrchat.ocr;

import com.ocrchat.page.Block;
import com.ocrchat.page.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Tesseract ends a paragraph at a line that stops short of the column's right edge, which cuts a
 * sentence in two when the wrap leaves a gap. A block that starts in lower case, right below a block of
 * the same column whose text stops mid-sentence, is that paragraph's continuation and is joined to it.
 */
final class Paragraphs {
    private Paragraphs() {}

    static List<Block> joinContinuations(List<Block> blocks) {
        List<Block> joined = new ArrayList<>();
        for (Block block : blocks) {
            Block previous = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (previous != null && continues(previous, block)) {
                joined.set(joined.size() - 1, join(previous, block));
            } else {
                joined.add(block);
            }
        }
        return joined;
    }

    private static boolean continues(Block above, Block below) {
        String before = above.text().strip();
        String after = below.text().strip();
        if (before.isEmpty() || after.isEmpty() || !Character.isLowerCase(after.codePointAt(0))) {
            return false;
        }
        int last = before.codePointBefore(before.length());
        if (!Character.isLetterOrDigit(last) && last != ',' && last != '-') {
            return false; // A sentence, a list item or a label ends there.
        }
        int lineHeight = lineHeight(above);
        OptionalInt gap = gapUnderneath(above, below);
        return gap.isPresent()
                && gap.getAsInt() >= 0
                && gap.getAsInt() <= 1.5 * lineHeight
                && Math.abs(below.bbox()[0] - above.bbox()[0]) <= 2 * lineHeight;
    }

    /**
     * The least gap between a word of {@code below}'s first line and the lowest word of {@code above} over it: measured
     * word by word, so that a skewed page's lines (whose blocks' boxes overlap) part as they are, and a block beside
     * part of the one above (a gap below zero there) is not its continuation. Empty when no word is over another.
     */
    private static OptionalInt gapUnderneath(Block above, Block below) {
        OptionalInt least = OptionalInt.empty();
        int previousLeft = Integer.MIN_VALUE;
        for (Word word : below.words()) {
            int[] box = word.bbox();
            if (box[0] < previousLeft) {
                break; // the next line has begun
            }
            previousLeft = box[0];
            int lowestOver = above.words().stream()
                    .filter(over -> over.bbox()[0] < box[2] && box[0] < over.bbox()[2])
                    .mapToInt(over -> over.bbox()[3])
                    .max()
                    .orElse(Integer.MIN_VALUE);
            if (lowestOver != Integer.MIN_VALUE) {
                int gap = box[1] - lowestOver;
                least = OptionalInt.of(least.isEmpty() ? gap : Math.min(least.getAsInt(), gap));
            }
        }
        return least;
    }

    private static int lineHeight(Block block) {
        int[] heights = block.words().stream()
                .mapToInt(word -> word.bbox()[3] - word.bbox()[1])
                .sorted()
                .toArray();
        return heights.length == 0 ? 0 : heights[heights.length / 2];
    }

    private static Block join(Block above, Block below) {
        List<Word> words = new ArrayList<>(above.words());
        words.addAll(below.words());
        return new Block(
                above.text() + "\n" + below.text(),
                Word.union(words),
                Word.meanConfidence(words).orElse(0),
                List.copyOf(words));
    }
}
