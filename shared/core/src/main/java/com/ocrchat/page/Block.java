package com.ocrchat.page;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A paragraph-sized region: its text (lines joined by '\n'), bbox in page pixels and a 0..1
 * confidence. The words are kept in the stored result (exports need them) and left out of API
 * answers by {@link #withoutWords()}.
 */
public record Block(
        String text,
        int[] bbox,
        double confidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Word> words) {

    public Block withoutWords() {
        return new Block(text, bbox, confidence, null);
    }
}
