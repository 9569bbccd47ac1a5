package com.ocrchat.ocr;

import java.util.List;

/** One recognized page: 0-based index, size in the pixels its bboxes use, text and blocks. */
public record Page(int index, int width, int height, String text, List<Block> blocks) {

    /** The page with every box multiplied by {@code factor}, in a {@code width} x {@code height} space. */
    public Page scaled(double factor, int width, int height) {
        List<Block> scaled = blocks.stream().map(block -> new Block(block.text(), scale(block.bbox(), factor, width, height), block.confidence(),
                block.words() == null ? null : block.words().stream()
                        .map(word -> new Word(word.text(), scale(word.bbox(), factor, width, height), word.confidence())).toList()))
                .toList();
        return new Page(index, width, height, text, scaled);
    }

    private static int[] scale(int[] box, double factor, int width, int height) {
        int x0 = Math.min(width - 1, (int) Math.floor(box[0] * factor));
        int y0 = Math.min(height - 1, (int) Math.floor(box[1] * factor));
        return new int[] {x0, y0, Math.max(x0 + 1, Math.min(width, (int) Math.ceil(box[2] * factor))),
                Math.max(y0 + 1, Math.min(height, (int) Math.ceil(box[3] * factor)))};
    }

    public Page withoutWords() {
        return new Page(index, width, height, text, blocks.stream().map(Block::withoutWords).toList());
    }
}
