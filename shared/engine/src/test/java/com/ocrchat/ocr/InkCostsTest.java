package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.junit.jupiter.api.Test;

class InkCostsTest {
    private static final long PAGE = 2550L * 3300; // letter at 300 dpi

    @Test
    void aDuotoneOfAnySizeHasAtMost65536ColoursToConvert() throws Exception {
        long work = InkCosts.work(deviceN(2, 61), PAGE, 8);
        assertTrue(work < OperatorBudget.MOST_COLOUR_WORK, "a full-page duotone: " + work);
        assertEquals(PAGE * 20 + 65_536L * (140 + 61), work);
    }

    @Test
    void manyInksCostEveryPixelTheirKeysAndFourInksAColourAPixel() throws Exception {
        // 18 inks of 1 bit over 26 megapixels: 35 s in PDFBox, refused by its keys alone.
        assertTrue(InkCosts.work(deviceN(18, 19), 25_800_000, 1) > OperatorBudget.MOST_COLOUR_WORK);
        // 4 inks of 8 bits: a colour a pixel, a map entry each (40 s and 1.3 GB).
        assertTrue(InkCosts.work(deviceN(4, 5), PAGE, 8) > OperatorBudget.MOST_COLOUR_WORK);
        assertEquals(0, InkCosts.work(PDDeviceGray.INSTANCE, PAGE, 8));
    }

    @Test
    void sixteenBitInksHaveTheColoursOfEightSincePdfboxReadsThemToBytes() throws Exception {
        assertEquals(InkCosts.work(deviceN(2, 61), PAGE, 8), InkCosts.work(deviceN(2, 61), PAGE, 16));
    }

    @Test
    void aStitchingFunctionCostsItsCostliestPart() throws Exception {
        COSStream program = new COSStream();
        try (OutputStream out = program.createOutputStream()) {
            out.write(("{ " + "97 1 roll ".repeat(60) + "}").getBytes(StandardCharsets.US_ASCII));
        }
        program.setInt(COSName.FUNCTION_TYPE, 4);
        program.setItem(COSName.DOMAIN, new COSArray(List.of(COSInteger.ZERO, COSInteger.ONE)));
        program.setItem(COSName.RANGE, new COSArray(List.of(COSInteger.ZERO, COSInteger.ONE)));
        org.apache.pdfbox.cos.COSDictionary stitching = new org.apache.pdfbox.cos.COSDictionary();
        stitching.setInt(COSName.FUNCTION_TYPE, 3);
        stitching.setItem(COSName.DOMAIN, new COSArray(List.of(COSInteger.ZERO, COSInteger.ONE)));
        stitching.setItem(COSName.FUNCTIONS, new COSArray(List.of(program)));
        stitching.setItem(COSName.BOUNDS, new COSArray());
        stitching.setItem(COSName.ENCODE, new COSArray(List.of(COSInteger.ZERO, COSInteger.ONE)));
        long direct = PageResourceBudget.steps(org.apache.pdfbox.pdmodel.common.function.PDFunction.create(program));
        assertEquals(2 + 60 * (2 + 13), direct);
        assertEquals(
                direct,
                PageResourceBudget.steps(org.apache.pdfbox.pdmodel.common.function.PDFunction.create(stitching)));
    }

    @Test
    void anIccProfileIsCountedAsItsAlternateInksWhichPdfboxFallsBackTo() throws Exception {
        PDColorSpace icc = PDColorSpace.create(brokenProfileOver(deviceNArray(4, 5)));
        assertEquals(InkCosts.work(deviceN(4, 5), PAGE, 8), InkCosts.work(icc, PAGE, 8));
    }

    @Test
    void inksWhoseAlternateIsAProfileOverMoreInksCostThoseToo() throws Exception {
        // A DeviceN over a broken profile over a DeviceN of a 2000-token transform: 2,300 tokens a colour.
        COSArray outer = deviceNArray(3, 5);
        outer.set(2, brokenProfileOver(deviceNArray(4, 2000)));
        assertTrue(InkCosts.work(PDColorSpace.create(outer), 1_600_000, 8) > OperatorBudget.MOST_COLOUR_WORK);
    }

    /** An ICCBased space of four components whose profile PDFBox cannot load, over this alternate. */
    private static COSArray brokenProfileOver(COSArray alternate) throws Exception {
        COSStream profile = new COSStream();
        try (OutputStream out = profile.createOutputStream()) {
            out.write("not a profile".getBytes(StandardCharsets.US_ASCII));
        }
        profile.setInt(COSName.N, 4);
        profile.setItem(COSName.ALTERNATE, alternate);
        return new COSArray(List.of(COSName.ICCBASED, profile));
    }

    private static PDColorSpace deviceN(int inks, int tokens) throws Exception {
        return PDColorSpace.create(deviceNArray(inks, tokens));
    }

    /** Inks to grey through a calculator function of this many tokens (braces counted; at least the inks and one). */
    private static COSArray deviceNArray(int inks, int tokens) throws Exception {
        COSStream function = new COSStream();
        try (OutputStream out = function.createOutputStream()) {
            out.write(("{ " + "pop ".repeat(inks - 1) + "dup pop ".repeat(Math.max(0, (tokens - inks - 1) / 2)) + "}")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        List<COSBase> domain = new ArrayList<>();
        List<COSBase> names = new ArrayList<>();
        for (int ink = 0; ink < inks; ink++) {
            domain.add(COSInteger.ZERO);
            domain.add(COSInteger.ONE);
            names.add(COSName.getPDFName("Ink" + ink));
        }
        function.setInt(COSName.FUNCTION_TYPE, 4);
        function.setItem(COSName.DOMAIN, new COSArray(domain));
        function.setItem(COSName.RANGE, new COSArray(List.of(COSInteger.ZERO, COSInteger.ONE)));
        return new COSArray(List.of(COSName.DEVICEN, new COSArray(names), COSName.DEVICEGRAY, function));
    }
}
