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

    private static byte[] annotated(String annotation) {
        return new RawPdf()
                .object("<< /Type /Catalog /Pages 2 0 R >>")
                .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [4 0 R] >>")
                .object("<< /Type /Annot " + annotation + " /C [0 0 0] /Border [0 0 3] /BE << /S /C /I 1 >> >>")
                .bytes();
    }

    private static int darkPixels(byte[] pdf) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (Document document = Documents.open(pdf, LIMITS)) {
                BufferedImage page = document.render(0);
                int dark = 0;
                for (int y = 0; y < page.getHeight(); y++) {
                    for (int x = 0; x < page.getWidth(); x++) {
                        dark += page.getRaster().getSample(x, y, 0) < 128 ? 1 : 0;
                    }
                }
                return dark;
            }
        });
    }
}
