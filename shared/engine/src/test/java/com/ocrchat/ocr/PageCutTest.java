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
        return PageCut.across(GreyPixels.of(page), page.getWidth(), page.getHeight());
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
