package com.ocrchat.ocr;

import com.ocrchat.page.Block;
import com.ocrchat.page.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        if (below.words().isEmpty() || above.words().isEmpty()) {
            return false;
        }
        // Measured at the column's left edge, from the start of the last line above to the first word below: on a
        // skewed page the blocks' boxes overlap (a line's box is as tall as its slant), their lines do not.
        int leftEdge = above.bbox()[0] + 2 * lineHeight;
        int lastLineBottom = above.words().stream()
                .filter(word -> word.bbox()[0] <= leftEdge)
                .max(Comparator.comparingInt(word -> word.bbox()[1]))
                .map(word -> word.bbox()[3])
                .orElse(above.bbox()[3]);
        int gap = below.words().get(0).bbox()[1] - lastLineBottom;
        return gap >= 0 && gap <= 1.5 * lineHeight && Math.abs(below.bbox()[0] - above.bbox()[0]) <= 2 * lineHeight;
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
