package com.ocrchat.page;

import java.util.List;
import java.util.stream.Collectors;

/** A page's plain text: its blocks in order, a blank line between paragraphs. */
public final class PageText {
    private PageText() {}

    public static String of(List<Block> blocks) {
        return blocks.stream().map(Block::text).collect(Collectors.joining("\n\n"));
    }
}
