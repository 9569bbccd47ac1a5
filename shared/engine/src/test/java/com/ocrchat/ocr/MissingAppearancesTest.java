package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.testing.RawPdf;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Annotations a file gives no appearance for: PDFBox draws one from their geometry, unless it lies far off the page. */
class MissingAppearancesTest {
    private static final DocumentLimits LIMITS = new DocumentLimits(256L * 1024 * 1024, 150);

    @Test
    void aCloudyCircleABillionPointsWideIsLeftUndrawn() {
        // PDFBox drew a curl every few points of its border: out of memory, from a 625-byte file.
        assertEquals(0, darkPixels(annotated("/Subtype /Circle /Rect [0 0 1000000000 1000000000]")));
    }

    @Test
    void aCloudyRectangleOnThePageIsDrawn() {
        assertTrue(darkPixels(annotated("/Subtype /Square /Rect [100 100 400 400]")) > 1000);
    }

    @Test
    void aPolygonReachingABillionPointsOffThePageIsLeftUndrawn() {
        assertEquals(
                0,
                darkPixels(annotated("/Subtype /Polygon /Rect [0 0 612 792]"
                        + " /Vertices [0 0 1000000000 0 1000000000 1000000000 0 1000000000]")));
    }

    @Test
    void aNoRotateAnnotationFarOffATurnedPageIsLeftUndrawnThoughItHasAnAppearance() {
        // PDFBox builds such an appearance anew when it holds a transparency group (out of memory after 6 s).
        byte[] pdf = letterPage("/Rotate 90 /Annots [4 0 R]")
                .object("<< /Type /Annot /Subtype /Circle /F 16 /Rect [0 0 1000000000 1000000000] /AP << /N 5 0 R >>"
                        + " /C [0 0 0] /Border [0 0 3] /BE << /S /C /I 1 >> >>")
                .stream(
                        " /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /G 6 0 R >> >>",
                        "/G Do".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        false)
                .stream(
                        " /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Group << /S /Transparency >>",
                        new byte[0],
                        false)
                .bytes();
        assertEquals(0, darkPixels(pdf));
    }

    @Test
    void appearancesAreBuiltForTheFirstTwoThousandOfAPage() {
        // 2,500 squares of 10 points on a grid of 50 by 50, each with a thick border and no appearance.
        StringBuilder annotations = new StringBuilder();
        for (int square = 0; square < 2500; square++) {
            annotations.append(4 + square).append(" 0 R ");
        }
        RawPdf pdf = letterPage("/Annots [" + annotations + "]");
        for (int square = 0; square < 2500; square++) {
            int x = 6 + square % 50 * 12;
            int y = 780 - 12 - square / 50 * 15;
            pdf.object("<< /Type /Annot /Subtype /Square /Rect [" + x + " " + y + " " + (x + 10) + " " + (y + 10)
                    + "] /C [0 0 0] /Border [0 0 4] >>");
        }
        BufferedImage page = rendered(pdf.bytes());
        double scale = page.getWidth() / 612.0;
        // The first square's border is drawn; the last's, past the 2,000th, is not.
        assertEquals(0, page.getRaster().getSample((int) (7 * scale), (int) ((792 - 769) * scale), 0));
        assertEquals(255, page.getRaster().getSample((int) ((6 + 49 * 12 + 1) * scale), (int) ((792 - 34) * scale), 0));
    }

    private static byte[] annotated(String annotation) {
        return letterPage("/Annots [4 0 R]")
                .object("<< /Type /Annot " + annotation + " /C [0 0 0] /Border [0 0 3] /BE << /S /C /I 1 >> >>")
                .bytes();
    }

    /** A letter page (object 3) with these entries besides its box; further objects from number 4. */
    private static RawPdf letterPage(String entries) {
        return new RawPdf()
                .object("<< /Type /Catalog /Pages 2 0 R >>")
                .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " + entries + " >>");
    }

    private static BufferedImage rendered(byte[] pdf) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (Document document = Documents.open(pdf, LIMITS)) {
                return document.render(0);
            }
        });
    }

    private static int darkPixels(byte[] pdf) {
        BufferedImage page = rendered(pdf);
        int dark = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                dark += page.getRaster().getSample(x, y, 0) < 128 ? 1 : 0;
            }
        }
        return dark;
    }
}
