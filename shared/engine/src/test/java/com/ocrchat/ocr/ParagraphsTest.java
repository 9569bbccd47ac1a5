package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ocrchat.page.Block;
import com.ocrchat.page.Word;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphsTest {

    /** A block of lines 40 px apart, 30 px tall, each word 200 px wide, every line sloping down by {@code slope}. */
    private static Block block(int firstLineTop, double slope, String... lines) {
        List<Word> words = new ArrayList<>();
        for (int line = 0; line < lines.length; line++) {
            String[] texts = lines[line].split(" ");
            for (int i = 0; i < texts.length; i++) {
                int left = 100 + 220 * i;
                int top = firstLineTop + 40 * line + (int) Math.round(slope * left);
                words.add(new Word(texts[i], new int[] {left, top, left + 200, top + 30}, 90));
            }
        }
        return new Block(String.join("\n", lines), Word.union(words), 90, words);
    }

    @Test
    void aParagraphCutMidSentenceIsJoinedOnAStraightPageAndOnASkewedOne() {
        for (double slope : new double[] {0, 0.04}) {
            Block above = block(100, slope, "the board met in March and", "approved the budget for the");
            Block below = block(180, slope, "coming year after a long", "debate about the costs.");
            List<Block> joined = Paragraphs.joinContinuations(List.of(above, below));
            assertEquals(1, joined.size(), "joined at a slope of " + slope);
            assertEquals(above.text() + "\n" + below.text(), joined.get(0).text());
        }
    }

    @Test
    void aBlockBesideALowerPartOfTheOneAboveIsNotItsContinuation() {
        // A label and its value, the value wrapped to a second line on the right: the next label is beside it.
        Block above = block(100, 0, "the total for the quarter,");
        List<Word> words = new ArrayList<>(above.words());
        words.add(new Word("carried", new int[] {900, 140, 1100, 170}, 90));
        Block overhanging = new Block(above.text() + "\ncarried", Word.union(words), 90, words);
        Block beside = block(140, 0, "and then the next item");
        assertEquals(
                2, Paragraphs.joinContinuations(List.of(overhanging, beside)).size());
    }

    @Test
    void aBlockAfterASentenceOrFarBelowIsAParagraphOfItsOwn() {
        Block ended = block(100, 0.04, "the board met in March and", "approved the budget.");
        Block next = block(180, 0.04, "coming year after a long", "debate about the costs.");
        assertEquals(2, Paragraphs.joinContinuations(List.of(ended, next)).size());
        Block above = block(100, 0.04, "the board met in March and", "approved the budget for the");
        Block farBelow = block(400, 0.04, "coming year after a long", "debate about the costs.");
        assertEquals(2, Paragraphs.joinContinuations(List.of(above, farBelow)).size());
    }
}
