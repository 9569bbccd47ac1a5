package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.ocr.PageRegions.Box;
import com.ocrchat.ocr.PageRegions.Halves;
import com.ocrchat.ocr.PageRegions.Region;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRegionsTest {
    /** {@code count} lines 1000 px wide and 40 high, 20 px apart, from {@code top}, at {@code left}. */
    private static Region block(int left, int top, int count) {
        List<Box> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(new Box(left, top + 60 * i, left + 1000, top + 60 * i + 40));
        }
        return new Region(lines, false);
    }

    @Test
    void blocksOfSeveralLinesSideBySideAreColumnsAndBlocksAboveOneAnotherAreNot() {
        assertTrue(PageRegions.sideBySide(List.of(block(0, 0, 12), block(1100, 100, 12))), "two columns");
        assertTrue(!PageRegions.sideBySide(List.of(block(0, 0, 12), block(0, 800, 12))), "two paragraphs");
        assertTrue(
                !PageRegions.sideBySide(List.of(block(0, 0, 1), block(1100, 0, 1), block(0, 100, 12))),
                "a running head beside a page number, over the text");
        assertTrue(
                !PageRegions.sideBySide(List.of(block(0, 0, 12), block(1100, 700, 12))), "one ends before the other");
    }

    @Test
    void twoEqualBlocksAreCutBetweenThem() {
        Halves halves =
                PageRegions.halves(List.of(block(0, 0, 10), block(0, 700, 10))).orElseThrow();

        assertEquals(1, halves.first().size());
        assertEquals(10, halves.first().get(0).lines().size());
        assertEquals(1, halves.second().size());
        assertEquals(700, halves.second().get(0).lines().get(0).top());
    }

    @Test
    void oneBlockIsCutBetweenTwoOfItsLinesPreferringTheWidestGap() {
        Region block = block(0, 0, 20);
        List<Box> lines = new ArrayList<>(block.lines());
        // A paragraph ends after line 9 (0-based): the gap below it is wider than the others.
        for (int i = 10; i < lines.size(); i++) {
            Box line = lines.get(i);
            lines.set(i, new Box(line.left(), line.top() + 30, line.right(), line.bottom() + 30));
        }
        Halves halves = PageRegions.halves(List.of(new Region(lines, false))).orElseThrow();

        assertEquals(lines.subList(0, 10), halves.first().get(0).lines());
        assertEquals(lines.subList(10, 20), halves.second().get(0).lines());
        assertEquals(new Box(0, 630, 1000, 1210), halves.second().get(0).box(), "each part is read in a box around it");
    }

    @Test
    void theSecondRunFollowsTheFirstInReadingOrder() {
        // Two columns: all of the left one is read before the right one, whatever their heights.
        Halves halves =
                PageRegions.halves(List.of(block(0, 0, 12), block(1100, 0, 12))).orElseThrow();

        assertTrue(halves.first().stream().allMatch(part -> part.box().left() == 0));
        assertTrue(halves.second().stream().allMatch(part -> part.box().left() == 1100));
    }

    @Test
    void aFewLinesOrAVeryUnevenPageAreReadOnOneThread() {
        assertTrue(PageRegions.halves(List.of(block(0, 0, 2))).isEmpty(), "too little work for a second thread");
        assertTrue(PageRegions.halves(List.of()).isEmpty());
        Region vertical = new Region(block(0, 0, 10).lines(), true);
        assertTrue(
                PageRegions.halves(List.of(vertical, block(0, 700, 1))).isEmpty(),
                "vertical lines are not cut between, and the rest is too little to balance them");
    }

    @Test
    void linesAcrossACutStopHalfwayBetweenTheirInk() {
        // Lines 40 high, 4 apart, each with a 4-pixel margin: their boxes overlap by 4.
        List<Box> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(new Box(0, 44 * i - 4, 1000, 44 * i + 44));
        }
        Halves halves = PageRegions.halves(List.of(new Region(lines, false))).orElseThrow();

        int firstBottom = halves.first().get(0).box().bottom();
        int secondTop = halves.second().get(0).box().top();
        assertEquals(firstBottom, secondTop, "the two parts meet and do not overlap");
    }
}
