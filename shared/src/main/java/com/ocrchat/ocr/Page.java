package com.ocrchat.ocr;

import java.util.List;

/** One recognized page: 0-based index, size in the pixels its bboxes use, text and blocks. */
public record Page(int index, int width, int height, String text, List<Block> blocks) {

    public Page withoutWords() {
        return new Page(index, width, height, text, blocks.stream().map(Block::withoutWords).toList());
    }
}
