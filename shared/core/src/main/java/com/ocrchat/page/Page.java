package com.ocrchat.page;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * One recognized page: 0-based index, size in the pixels its bboxes use, text and blocks; the tables
 * drawn with ruling lines that the image shows (tables of aligned words are found from the blocks). A page read by
 * the vision model carries the model's own {@code markdown} (the cpu engine's is written from the
 * layout); {@code warnings} say what the caller should know about this page; {@code translation} is
 * the page's translated Markdown when the job asked for one (kept in the stored result only).
 */
public record Page(
        int index,
        int width,
        int height,
        String text,
        List<Block> blocks,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Table> tables,
        @JsonInclude(JsonInclude.Include.NON_NULL) String markdown,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) String translation) {

    public Page(int index, int width, int height, String text, List<Block> blocks) {
        this(index, width, height, text, blocks, List.of(), null, List.of(), null);
    }

    public Page {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** The page with every box multiplied by {@code factor}, in a {@code width} x {@code height} space. */
    public Page scaled(double factor, int width, int height) {
        List<Block> scaled = blocks.stream()
                .map(block -> new Block(
                        block.text(),
                        scale(block.bbox(), factor, width, height),
                        block.confidence(),
                        block.words() == null
                                ? null
                                : block.words().stream()
                                        .map(word -> new Word(
                                                word.text(),
                                                scale(word.bbox(), factor, width, height),
                                                word.confidence()))
                                        .toList()))
                .toList();
        List<Table> scaledTables = tables.stream()
                .map(table -> new Table(table.rows(), scale(table.bbox(), factor, width, height)))
                .toList();
        return new Page(index, width, height, text, scaled, scaledTables, markdown, warnings, translation);
    }

    private static int[] scale(int[] box, double factor, int width, int height) {
        int x0 = Math.min(width - 1, (int) Math.floor(box[0] * factor));
        int y0 = Math.min(height - 1, (int) Math.floor(box[1] * factor));
        return new int[] {
            x0,
            y0,
            Math.max(x0 + 1, Math.min(width, (int) Math.ceil(box[2] * factor))),
            Math.max(y0 + 1, Math.min(height, (int) Math.ceil(box[3] * factor)))
        };
    }

    /** As the API shows it: no word boxes, no translation (the job carries that whole). */
    public Page withoutWords() {
        return new Page(
                index,
                width,
                height,
                text,
                blocks.stream().map(Block::withoutWords).toList(),
                tables,
                markdown,
                warnings,
                null);
    }

    public Page withTranslation(String translatedMarkdown) {
        return new Page(index, width, height, text, blocks, tables, markdown, warnings, translatedMarkdown);
    }

    public Page withWarning(String warning) {
        List<String> more = new ArrayList<>(warnings);
        more.add(warning);
        return new Page(index, width, height, text, blocks, tables, markdown, more, translation);
    }
}
