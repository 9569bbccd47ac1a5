package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.testing.RawPdf;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What drawing costs PDFBox beyond its operators, counted before it is spent: buffers, masks, images drawn again. */
class PdfDrawingCostsTest {
    /** 10,000 operators a page: each file here is over it at the weights, and far under it by its operators. */
    private static final DocumentLimits LIMITS =
            new DocumentLimits(100_000_000L, 150, 2000, 256L * 1024 * 1024, 10_000, Duration.ofSeconds(60));

    private static final String LETTER = "[0 0 612 792]";

    @Test
    void aFormTurnedIntoASliverAcrossThePageCountsAsThePageItsBufferCovers() {
        // A transparency group 1000 by 0.01 points, turned along the diagonal: no area, and a buffer of the whole page.
        assertRefused(
                page(LETTER, "/S Do\n".repeat(12), "/XObject << /S 5 0 R >>").stream(
                        " /Type /XObject /Subtype /Form /BBox [0 0 1000 0.01] /Matrix [0.6 0.78 -0.78 0.6 0 0]"
                                + " /Group << /S /Transparency >>",
                        ascii("0 0 1 1 re"),
                        false),
                "it draws more than 10000 operators");
    }

    @Test
    void anImageDrawnAgainAndAgainCountsItsPixelsEachTime() {
        // 4 megapixels drawn a point wide: PDFBox decodes it anew every time, 4 times here.
        assertRefused(
                page(LETTER, "q 1 0 0 1 10 10 cm\n" + "/I Do\n".repeat(4) + "Q", "/XObject << /I 5 0 R >>").stream(
                        " /Type /XObject /Subtype /Image /Width 2000 /Height 2000 /BitsPerComponent 8"
                                + " /ColorSpace /DeviceGray",
                        new byte[2000 * 2000],
                        true),
                "it draws more than 10000 operators");
    }

    @Test
    void aStencilMaskOfALargePageIsRefusedPastSeventyTwoMegapixels() {
        // On a page 4800 points square a mask may be 4.2 times the page's raster, but PDFBox paints it 4 bytes a pixel.
        assertRefused(
                page("[0 0 4800 4800]", "q 4800 0 0 4800 0 0 cm /M Do Q", "/XObject << /M 5 0 R >>").stream(
                        " /Type /XObject /Subtype /Image /Width 20400 /Height 20400 /ImageMask true",
                        new byte[0],
                        false),
                "an image in it would be decoded to 417 megapixels, more than 72");
    }

    @Test
    void transparencyGroupsNestEightDeepAtMost() {
        RawPdf pdf = page(LETTER, "/G Do", "/XObject << /G 5 0 R >>");
        for (int level = 0; level < 10; level++) {
            pdf.stream(
                    " /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Group << /S /Transparency >>"
                            + (level < 9 ? " /Resources << /XObject << /G " + (6 + level) + " 0 R >> >>" : ""),
                    ascii(level < 9 ? "/G Do" : "0 0 10 10 re f"),
                    false);
        }
        assertRefused(pdf, "its transparency groups, soft masks and tiling patterns nest more than 8 deep");
    }

    @Test
    void aClippingPathCrossingItselfAMillionTimesIsRefusedAndARoundOneOfManyPointsIsDrawn() {
        // A star of 2,000 points, each joined to the one nearly opposite: Java2D took 97 s and 2.2 GB to clip with it.
        assertRefused(page(LETTER, polygon(2000, 999) + " W n 0 0 612 792 re f", ""), crossing());
        // A circle of 5,000 points, as a map's border may be: no crossing, drawn.
        try (Document document = Documents.open(
                page(LETTER, polygon(5000, 1) + " W n 0 0 612 792 re f", "").bytes(), LIMITS)) {
            java.awt.image.BufferedImage page = document.render(0);
            assertEquals(0, page.getRaster().getSample(page.getWidth() / 2, page.getHeight() / 2, 0), "inside");
            assertEquals(255, page.getRaster().getSample(5, 5, 0), "outside the clip");
        }
    }

    @Test
    void textUsedAsAClipIsCountedTooAndAHeadlineFilledThroughItIsDrawn() {
        String font = "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>";
        // 300 outlines of O, @ and & laid over each other, one clip (974 bytes): 24 s in Java2D, inside one fill.
        StringBuilder overlaid = new StringBuilder("BT 7 Tr /F1 200 Tf ");
        for (int i = 0; i < 100; i++) {
            overlaid.append("1 0 0 1 ")
                    .append(100 + i % 50)
                    .append(' ')
                    .append(300 + i % 37)
                    .append(" Tm (O@&) Tj\n");
        }
        assertRefused(page(LETTER, overlaid + "ET 0 0 612 792 re f", font), crossing());
        // A headline as a designer clips a picture with it: black inside the letters, white outside.
        try (Document document = Documents.open(
                page(LETTER, "BT 7 Tr /F1 200 Tf 40 300 Td (HELLO) Tj ET 0 0 612 792 re f", font)
                        .bytes(),
                LIMITS)) {
            java.awt.image.BufferedImage page = document.render(0);
            int scale = page.getWidth() / 612;
            assertEquals(0, page.getRaster().getSample(60 * scale, page.getHeight() - 380 * scale, 0), "in the H");
            assertEquals(255, page.getRaster().getSample(5, 5, 0), "outside the text");
        }
    }

    @Test
    void clipsInForceAreCountedTogether() {
        // 500 thin columns, then 500 thin rows: each clip plain alone, a million crossings together (78 s in one fill).
        StringBuilder columns = new StringBuilder();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            columns.append(String.format(java.util.Locale.ROOT, "%.2f 10 0.5 700 re\n", 50 + i * 1.0));
            rows.append(String.format(java.util.Locale.ROOT, "10 %.2f 560 0.5 re\n", 100 + i * 1.0));
        }
        assertRefused(page(LETTER, columns + "W n\n" + rows + "W n 0 0 612 792 re f", ""), crossing());
        // The same with text: a row of 500 tall letters, and the same row turned a quarter (623 bytes; 63 s).
        String letters = "l".repeat(500);
        String font = "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>";
        assertRefused(
                page(
                        LETTER,
                        "BT 7 Tr /F1 600 Tf 0.002 0 0 1 20 100 Tm (" + letters + ") Tj ET"
                                + " BT 7 Tr /F1 600 Tf 0 0.002 -1 0 580 120 Tm (" + letters + ") Tj ET"
                                + " 0 0 612 792 re f",
                        font),
                crossing());
    }

    private static String crossing() {
        return "its clipping paths cross more than " + ClipCrossings.MOST_CROSSINGS + " times";
    }

    /** A closed path through {@code points} points of a circle in the page's middle, each {@code step} on. */
    private static String polygon(int points, int step) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < points; i++) {
            double angle = 2 * Math.PI * ((long) i * step % points) / points;
            path.append(String.format(
                            java.util.Locale.ROOT,
                            "%.3f %.3f %s ",
                            306 + 250 * Math.cos(angle),
                            396 + 250 * Math.sin(angle),
                            i == 0 ? "m" : "l"))
                    .append(i % 8 == 7 ? "\n" : "");
        }
        return path + "h";
    }

    private static void assertRefused(RawPdf pdf, String why) {
        try (Document document = Documents.open(pdf.bytes(), LIMITS)) {
            LimitExceeded refused = assertThrows(LimitExceeded.class, () -> document.render(0));
            assertEquals("Page 1 of the PDF is over this server's budget for a page: " + why, refused.getMessage());
        }
    }

    /** One page of this box, drawn by this content with these resources; further objects from number 5. */
    private static RawPdf page(String box, String content, String resources) {
        return new RawPdf()
                        .object("<< /Type /Catalog /Pages 2 0 R >>")
                        .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                        .object("<< /Type /Page /Parent 2 0 R /MediaBox " + box + " /Contents 4 0 R /Resources << "
                                + resources + " >> >>")
                        .stream("", ascii(content), false);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
