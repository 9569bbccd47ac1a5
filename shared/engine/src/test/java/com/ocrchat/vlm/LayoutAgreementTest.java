package com.ocrchat.vlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vision model's text on Tesseract's boxes, with agreement as confidence. */
class LayoutAgreementTest {
    /** Tesseract's reading: a title, a line it misread ("Tota1"), and scribbles it could not read at all. */
    private static final Page LAYOUT = new Page(
            0,
            1000,
            1400,
            "",
            List.of(
                    block(word("INVOICE", 100, 100, 400, 160)),
                    block(word("Tota1:", 100, 300, 220, 330), word("215.00", 240, 300, 360, 330)),
                    block(word("~~", 100, 900, 200, 960))));

    @Test
    void wordsTheTwoReadAlikeGiveBoxesAndFullConfidence() {
        Page page = LayoutAgreement.apply(LAYOUT, "# INVOICE\n\nTotal: 215.00");

        assertEquals("INVOICE\n\nTotal: 215.00", page.text());
        assertEquals("# INVOICE\n\nTotal: 215.00", page.markdown());
        assertEquals(2, page.blocks().size());
        assertArrayEquals(new int[] {100, 100, 400, 160}, page.blocks().get(0).bbox());
        assertEquals(1.0, page.blocks().get(0).confidence());
        assertArrayEquals(new int[] {100, 300, 360, 330}, page.blocks().get(1).bbox());
        // "Total:" against "Tota1:" is 4 of 5 letters alike (punctuation aside); "215.00" is exact.
        Block total = page.blocks().get(1);
        assertEquals(0.8, total.words().get(0).confidence());
        assertEquals(1.0, total.words().get(1).confidence());
        assertEquals((0.8 * 6 + 1.0 * 6) / 12, total.confidence(), 0.001);
    }

    @Test
    void aBlockTesseractCouldNotReadTakesTheSpaceBetweenItsNeighboursAndNoConfidence() {
        Page page = LayoutAgreement.apply(LAYOUT, "# INVOICE\n\nPaid with thanks\n\nTotal: 215.00");

        Block handwritten = page.blocks().get(1);
        assertEquals("Paid with thanks", handwritten.text());
        assertEquals(0.0, handwritten.confidence());
        int[] box = handwritten.bbox();
        assertEquals(160, box[1], "below the title");
        assertEquals(300, box[3], "above the total");
        assertEquals(3, handwritten.words().size(), "its words are kept for the PDF's text layer");
        handwritten
                .words()
                .forEach(word -> assertTrue(word.bbox()[0] >= box[0] && word.bbox()[2] <= box[2], word.toString()));
    }

    @Test
    void aCommonWordMatchedFarAwayDoesNotStretchABlock() {
        Page layout = new Page(
                0,
                1000,
                1400,
                "",
                List.of(
                        block(
                                word("the", 100, 100, 160, 130),
                                word("cat", 170, 100, 230, 130),
                                word("sat", 240, 100, 300, 130),
                                word("down", 310, 100, 400, 130)),
                        block(word("the", 100, 1200, 160, 1230), word("end", 170, 1200, 230, 1230))));

        Page page = LayoutAgreement.apply(layout, "the cat sat down the");

        assertArrayEquals(new int[] {100, 100, 400, 130}, page.blocks().get(0).bbox());
    }

    private static Block block(Word... words) {
        return new Block("", Word.union(List.of(words)), 0.9, List.of(words));
    }

    private static Word word(String text, int x0, int y0, int x1, int y1) {
        return new Word(text, new int[] {x0, y0, x1, y1}, 0.9);
    }
}
