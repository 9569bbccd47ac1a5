package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownWriterTest {

    @Test
    void largeShortLinesAreHeadingsAndProseIsJoinedAcrossLineBreaks() {
        Page page = new Page(0, 1000, 1000, "", List.of(
                block(List.of("Annual report"), 60, 400),
                block(List.of("The committee met on Monday to exam-", "ine the budget and approved it with-", "out changes."), 20, 800)));

        assertEquals("# Annual report\n\nThe committee met on Monday to examine the budget and approved it without changes.",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void shortLabelLinesKeepTheirBreaksAndBulletsBecomeAList() {
        Page page = new Page(0, 1000, 1000, "", List.of(
                block(List.of("Invoice number: 42", "Due date: Monday"), 20, 400),
                block(List.of("• apples", "• pears"), 20, 100)));

        assertEquals("Invoice number: 42\nDue date: Monday\n\n- apples\n- pears", MarkdownWriter.write(List.of(page)));
    }

    @Test
    void pagesAreSeparatedByARule() {
        Page one = new Page(0, 100, 100, "", List.of(block(List.of("one"), 20, 50)));
        Page two = new Page(1, 100, 100, "", List.of(block(List.of("two"), 20, 50)));

        assertEquals("one\n\n---\n\ntwo", MarkdownWriter.write(List.of(one, two)));
    }

    /** A block whose lines are laid out from x=0, each word {@code height} tall; long lines fill {@code width}. */
    private static Block block(List<String> lines, int height, int width) {
        List<Word> words = new ArrayList<>();
        int y = 0;
        for (String line : lines) {
            String[] parts = line.split(" ");
            int step = width / parts.length;
            boolean full = line.length() > 20;
            for (int i = 0; i < parts.length; i++) {
                int x1 = full || i < parts.length - 1 ? (i + 1) * step : i * step + 10;
                words.add(new Word(parts[i], new int[] {i * step, y, full ? x1 : Math.min(x1, i * step + 40), y + height}, 0.9));
            }
            y += height * 2;
        }
        return new Block(String.join("\n", lines), new int[] {0, 0, width, y}, 0.9, words);
    }
}
