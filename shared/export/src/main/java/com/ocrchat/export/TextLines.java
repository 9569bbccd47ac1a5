package com.ocrchat.export;

import com.ocrchat.page.Block;
import com.ocrchat.page.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * A block's words grouped into lines, for the formats that nest words in lines (hOCR, ALTO). The
 * words come in reading order; a word starts a new line when it shares less than half its height
 * with the line so far. Geometry rather than the text's line breaks, since scripts written without
 * spaces give no word count per line, and right-to-left lines run the other way.
 */
final class TextLines {
    private TextLines() {}

    record Line(int[] bbox, List<Word> words) {}

    static List<Line> of(Block block) {
        if (block.words() == null || block.words().isEmpty()) {
            // A block kept without its words is one line, read as one word.
            return block.text().isBlank()
                    ? List.of()
                    : List.of(new Line(
                            block.bbox(),
                            List.of(new Word(block.text().replace('\n', ' '), block.bbox(), block.confidence()))));
        }
        List<Line> lines = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        int top = 0, bottom = 0;
        for (Word word : block.words()) {
            int[] box = word.bbox();
            if (!current.isEmpty()) {
                int shared = Math.min(bottom, box[3]) - Math.max(top, box[1]);
                if (shared * 2 < Math.min(bottom - top, box[3] - box[1])) {
                    lines.add(new Line(Word.union(current), List.copyOf(current)));
                    current.clear();
                }
            }
            if (current.isEmpty()) {
                top = box[1];
                bottom = box[3];
            } else {
                top = Math.min(top, box[1]);
                bottom = Math.max(bottom, box[3]);
            }
            current.add(word);
        }
        lines.add(new Line(Word.union(current), List.copyOf(current)));
        return lines;
    }
}
