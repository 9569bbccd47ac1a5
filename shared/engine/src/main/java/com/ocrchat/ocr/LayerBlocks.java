package com.ocrchat.ocr;

import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.PageText;
import com.ocrchat.page.TypeSize;
import com.ocrchat.page.Word;
import java.util.ArrayList;
import java.util.List;

/** A text layer's lines, in reading order, grouped into the blocks of a page. */
final class LayerBlocks {
    private LayerBlocks() {}

    /**
     * Lines become blocks. A new block starts where the type size changes by more than 30%, where the baselines are
     * more than 2.1 em apart (leading up to about 2 em stays under that, a blank line goes over), where the space above
     * a line is 0.4 em more than the line spacing around it (a paragraph's extra skip), or where a paragraph set without
     * space between paragraphs ended.
     */
    static Page page(List<List<Word>> lines, int index, int width, int height) {
        List<Block> blocks = new ArrayList<>();
        List<List<Word>> block = new ArrayList<>();
        List<List<Word>> ordered = TextColumns.inReadingOrder(lines, width);
        double[] baselines = ordered.stream()
                .mapToDouble(line -> median(line, TypeSize::baseline))
                .toArray();
        double[] sizes =
                ordered.stream().mapToDouble(line -> median(line, TypeSize::em)).toArray();
        int left = Integer.MAX_VALUE;
        int right = 0;
        for (int i = 0; i < ordered.size(); i++) {
            List<Word> current = ordered.get(i);
            if (!block.isEmpty()) {
                double em = Math.max(sizes[i - 1], sizes[i]);
                double above = baselines[i] - baselines[i - 1];
                double earlier = block.size() >= 2 ? baselines[i - 1] - baselines[i - 2] : Double.NaN;
                double below = i + 1 < ordered.size() ? baselines[i + 1] - baselines[i] : Double.NaN;
                boolean extraSkip =
                        (earlier > 0 && above > earlier + 0.4 * em) || (below > 0 && above > below + 0.4 * em);
                boolean sizeChanged = Math.abs(sizes[i] - sizes[i - 1]) > 0.3 * em;
                if (sizeChanged || above > 2.1 * em || above < 0 || extraSkip || paragraphEnded(block, left, right)) {
                    blocks.add(block(block));
                    block = new ArrayList<>();
                    left = Integer.MAX_VALUE;
                    right = 0;
                }
            }
            block.add(current);
            int[] box = Word.union(current);
            left = Math.min(left, box[0]);
            right = Math.max(right, box[2]);
        }
        if (!block.isEmpty()) {
            blocks.add(block(block));
        }
        return new Page(index, width, height, PageText.of(blocks), blocks);
    }

    /** The median of a line's words' measure: a superscript or a big operator does not move it. */
    private static double median(List<Word> line, java.util.function.ToDoubleFunction<Word> measure) {
        double[] values = line.stream().mapToDouble(measure).sorted().toArray();
        return values[values.length / 2];
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

    /**
     * Whether the block's last line ended a paragraph of prose set without space between paragraphs (LaTeX, Texinfo,
     * most books): the line before it ran the block's width, the last ends a sentence well short of it. {@code left}
     * and {@code right} are the block's edges, kept as it grows.
     */
    private static boolean paragraphEnded(List<List<Word>> block, int left, int right) {
        if (block.size() < 2) {
            return false;
        }
        List<Word> last = block.get(block.size() - 1);
        int[] lastBox = Word.union(last);
        int[] aboveBox = Word.union(block.get(block.size() - 2));
        int width = right - left;
        String end = last.get(last.size() - 1).text(); // the last word read: the leftmost of a right-to-left line
        boolean ranTheWidth;
        boolean endedShort;
        if (TextColumns.rightToLeft(List.of(last))) { // a Hebrew or Arabic line ends at the left
            ranTheWidth = aboveBox[0] <= left + 0.1 * width;
            endedShort = lastBox[0] > left + 0.25 * width;
        } else {
            ranTheWidth = aboveBox[2] >= right - 0.1 * width;
            endedShort = lastBox[2] < right - 0.25 * width;
        }
        return ranTheWidth && endedShort && !end.isEmpty() && SENTENCE_ENDS.indexOf(end.charAt(end.length() - 1)) >= 0;
    }

    private static final String SENTENCE_ENDS = ".!?。！？\"”’)»」";
}
