package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.junit.jupiter.api.Test;

class OperatorBudgetTest {
    /** An engine with nothing saved, for the operators counted here. */
    private static final org.apache.pdfbox.contentstream.PDFStreamEngine ENGINE =
            new org.apache.pdfbox.contentstream.PDFStreamEngine() {};

    @Test
    void theClockIsReadBeforeEveryOperatorSinceOneCanTakeSeconds() throws Exception {
        OperatorBudget budget = new OperatorBudget(1_000_000, 0);
        Thread.sleep(5);
        OperatorBudget.Exceeded stopped = assertThrows(
                OperatorBudget.Exceeded.class, () -> budget.check(ENGINE, Operator.getOperator("sh"), List.of()));
        assertEquals("reading it took more than 0 s", stopped.getMessage());
        assertThrows(
                OperatorBudget.Exceeded.class,
                () -> budget.check(ENGINE, Operator.getOperator("m"), List.of()),
                "and it stays over");
    }

    @Test
    void anInlineImageHoldsAQuarterMegabyteAtMostAndSixtyFourKilobytesWhenFiltered() throws Exception {
        OperatorBudget budget = new OperatorBudget(1_000_000, 60_000);
        COSDictionary plain = new COSDictionary();
        budget.checkInlineImage(new byte[OperatorBudget.MOST_INLINE_BYTES], plain);
        COSDictionary deflated = new COSDictionary();
        deflated.setItem(COSName.F, COSName.getPDFName("Fl"));
        OperatorBudget.Exceeded stopped =
                assertThrows(OperatorBudget.Exceeded.class, () -> budget.checkInlineImage(new byte[70_000], deflated));
        assertEquals("an inline image in it holds 70000 bytes, more than 65536", stopped.getMessage());
    }

    @Test
    void textShownCountsAGlyphPerByteSinceOneStringCanHoldMillions() throws Exception {
        OperatorBudget budget = new OperatorBudget(1000, 60_000);
        budget.check(ENGINE, Operator.getOperator("Tj"), List.of(new COSString("x".repeat(600))));
        OperatorBudget.Exceeded stopped = assertThrows(
                OperatorBudget.Exceeded.class,
                () -> budget.check(
                        ENGINE,
                        Operator.getOperator("TJ"),
                        List.of(new COSArray(List.of(
                                new COSString("x".repeat(300)),
                                COSInteger.get(-250),
                                new COSString("y".repeat(100)))))));
        assertEquals("it draws more than 1000 operators", stopped.getMessage());
    }

    @Test
    void anImageDecodedToMoreThanFourTimesThePixelsOfThePageStopsIt() {
        long letterAt300Dpi = 2550L * 3300;
        long most = DecodedImages.mostPixels(letterAt300Dpi, letterAt300Dpi);
        assertEquals((long) (4.2 * letterAt300Dpi), most);
        assertTrue(most > 5104L * 6604, "a 600-dpi mask of the page with a 2-pixel margin");
        assertEquals(
                (long) (4.2 * letterAt300Dpi),
                DecodedImages.mostPixels(letterAt300Dpi, 1000),
                "a small image: the page's");
        assertEquals(
                (long) (4.2 * 1.06 * letterAt300Dpi),
                DecodedImages.mostPixels(letterAt300Dpi, 1.06 * letterAt300Dpi),
                "a scan placed with 3% bleed each way");
        assertEquals(
                (long) (8.4 * letterAt300Dpi), DecodedImages.mostPixels(letterAt300Dpi, 1e12), "two pages' at most");
        assertEquals(4_000_000, DecodedImages.mostPixels(300 * 300, 300 * 300), "a page of an inch square");
        OperatorBudget budget = new OperatorBudget(1_000_000, 60_000);
        assertDoesNotThrow(() -> budget.checkImage(most, most));
        OperatorBudget.Exceeded stopped =
                assertThrows(OperatorBudget.Exceeded.class, () -> budget.checkImage(156_250_000, most));
        assertEquals("an image in it would be decoded to 157 megapixels, more than 36", stopped.getMessage());
        assertEquals(stopped.getMessage(), budget.exceeded());
    }

    @Test
    void anImageIsDecodedAtAnEighthOfItsSideAtMost() {
        // A 100,000-pixel square drawn over a letter page at 300 dpi: PDFBox subsamples by 8, its deepest.
        double letterAt300Dpi = 612 * 792 * (300 / 72.0) * (300 / 72.0);
        assertEquals(12_500L * 12_500, DecodedImages.subsampledPixels(100_000, 100_000, letterAt300Dpi));
        // A pixel across cannot be subsampled at all.
        assertEquals(2_000_000_000L, DecodedImages.subsampledPixels(1, 2_000_000_000, letterAt300Dpi));
        // 56,000 squared overflows PDFBox's int product, which then asks for no subsampling.
        assertEquals(56_000L * 56_000, DecodedImages.subsampledPixels(56_000, 56_000, letterAt300Dpi));
        // A scan of a little over 600 dpi drawn over the page: halved on each side.
        assertEquals(2600L * 3350, DecodedImages.subsampledPixels(5200, 6700, letterAt300Dpi));
    }
}
