package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.testing.TestPages;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PageCutTest {

    private static List<String> lines(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add("Line " + i + " of the minutes, where the board approved item " + (100 + i) + ".");
        }
        return lines;
    }

    private static OptionalInt cut(BufferedImage page) {
        return PageCut.across(GreyPixels.of(page), page.getWidth(), page.getHeight())
                .map(cut -> OptionalInt.of(cut.bottomTop()))
                .orElse(OptionalInt.empty());
    }

    @Test
    void aPageOfOneColumnIsCutOnABlankRowBetweenLinesNearTheMiddleOfItsInk() {
        BufferedImage page = TestPages.page("Minutes", lines(18));
        int at = cut(page).orElseThrow();
        byte[] grey = GreyPixels.of(page);
        for (int x = 0; x < page.getWidth(); x++) {
            assertTrue((grey[at * page.getWidth() + x] & 0xFF) >= 128, "the cut crosses no ink, at x " + x);
        }
        long above = 0;
        long all = 0;
        for (int i = 0; i < grey.length; i++) {
            if ((grey[i] & 0xFF) < 128) {
                all++;
                above += i < at * page.getWidth() ? 1 : 0;
            }
        }
        double share = (double) above / all;
        assertTrue(share >= 0.3 && share <= 0.7, share + " of the ink above the cut");
    }

    @Test
    void aSkewedPageWithNoBlankRowIsCutAlongItsSlantBetweenTwoLines() {
        BufferedImage page = TestPages.skewed(TestPages.page("Minutes", longLines(30)), -2.5);
        byte[] grey = GreyPixels.of(page);
        int width = page.getWidth();
        SteppedCut cut = PageCut.across(grey, width, page.getHeight()).orElseThrow();
        assertTrue(cut.topHeight() - cut.bottomTop() > 20, "cut along the slant, not straight");

        HandleReadings.Image whole = new HandleReadings.Image(grey, 0, 0, width, page.getHeight(), 3);
        HandleReadings.Image top = cut.top(whole);
        HandleReadings.Image bottom = cut.bottom(whole);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                boolean ink = (grey[y * width + x] & 0xFF) < 128;
                boolean inTop = y < top.height() && (top.grey()[y * width + x] & 0xFF) < 128;
                int inBottomRow = y - bottom.top();
                boolean inBottom = inBottomRow >= 0 && (bottom.grey()[inBottomRow * width + x] & 0xFF) < 128;
                assertEquals(
                        ink ? 1 : 0, (inTop ? 1 : 0) + (inBottom ? 1 : 0), "ink in one half only, at " + x + "," + y);
            }
        }
        // No line of text is parted: the rows where each half has ink, taken along the slant, do not meet.
        assertTrue(inkRows(top, -2.5).max().orElseThrow()
                < inkRows(bottom, -2.5).min().orElseThrow());
    }

    /** Where each ink pixel of a half lies across the page's slant: its row once the page is turned back. */
    private static java.util.stream.IntStream inkRows(HandleReadings.Image half, double degrees) {
        double slope = Math.tan(Math.toRadians(degrees));
        java.util.stream.IntStream.Builder rows = java.util.stream.IntStream.builder();
        for (int y = 0; y < half.height(); y++) {
            for (int x = 0; x < half.width(); x++) {
                if ((half.grey()[y * half.width() + x] & 0xFF) < 128) {
                    rows.add((int) Math.round(half.top() + y - slope * (x - half.width() / 2.0)));
                }
            }
        }
        return rows.build();
    }

    private static List<String> longLines(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add("Line " + i + " of the minutes, where the board approved item " + (100 + i)
                    + " and asked for the figures.");
        }
        return lines;
    }

    @Test
    void aPageWithColumnsIsNotCutAcross() {
        BufferedImage page = TestPages.twoColumnPage("Quarterly report", lines(14), lines(14));
        assertEquals(OptionalInt.empty(), cut(page), "its columns would be read interleaved");
    }

    @Test
    void aPageOfAFewLinesOrLightTextOnDarkPaperIsNotCut() {
        assertEquals(OptionalInt.empty(), cut(TestPages.page("Minutes", lines(5))), "too few lines to share");
        BufferedImage page = TestPages.page("Minutes", lines(18));
        BufferedImage inverted = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                inverted.setRGB(x, y, ~page.getRGB(x, y));
            }
        }
        assertEquals(OptionalInt.empty(), cut(inverted));
    }
}
