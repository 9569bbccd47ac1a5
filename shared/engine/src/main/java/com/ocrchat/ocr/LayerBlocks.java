package com.ocrchat.ocr;

import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.PageText;
import com.ocrchat.page.Word;
import java.util.ArrayList;
import java.util.List;

/** A text layer's lines, in reading order, grouped into the blocks of a page. */
final class LayerBlocks {
    private LayerBlocks() {}

    /**
     * Lines become blocks. A new block starts where the type size changes, where the baseline distance
     * exceeds 3.5 glyph heights (glyph boxes are about 0.6 em: leading up to about 2 em stays under that, a blank line goes over),
     * or where a paragraph set without space between paragraphs ended.
     */
    static Page page(List<List<Word>> lines, int index, int width, int height) {
        List<Block> blocks = new ArrayList<>();
        List<List<Word>> block = new ArrayList<>();
        int left = Integer.MAX_VALUE;
        int right = 0;
        for (List<Word> current : TextColumns.inReadingOrder(lines, width)) {
            if (!block.isEmpty()) {
                List<Word> previous = block.get(block.size() - 1);
                int previousHeight = Word.union(previous)[3] - Word.union(previous)[1];
                int currentHeight = Word.union(current)[3] - Word.union(current)[1];
                int baselines = Word.union(current)[3] - Word.union(previous)[3];
                boolean sizeChanged =
                        Math.abs(currentHeight - previousHeight) > 0.3 * Math.max(currentHeight, previousHeight);
                if (sizeChanged
                        || baselines > 3.5 * Math.max(previousHeight, currentHeight)
                        || baselines < 0
                        || TextColumns.paragraphEnded(block, left, right)) {
                    blocks.add(block(block));
                    block = new ArrayList<>();
                    left = Integer.MAX_VALUE;
                    right = 0;
                }
            }
            block.add(current);
            left = Math.min(left, Word.union(current)[0]);
            right = Math.max(right, Word.union(current)[2]);
        }
        if (!block.isEmpty()) {
            blocks.add(block(block));
        }
        return new Page(index, width, height, PageText.of(blocks), blocks);
    }

    private static Block block(List<List<Word>> lines) {
        List<Word> words = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (List<Word> line : lines) {
            words.addAll(line);
            texts.add(String.join(" ", line.stream().map(Word::text).toList()));
        }
        return new Block(String.join("\n", texts), Word.union(words), 1.0, List.copyOf(words));
    }
}
