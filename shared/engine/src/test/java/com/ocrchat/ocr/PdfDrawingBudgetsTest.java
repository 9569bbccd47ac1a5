package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the drawing budgets leave alone: gradients of small functions are drawn, meshes are left undrawn. */
class PdfDrawingBudgetsTest {
    private static final DocumentLimits LIMITS = new DocumentLimits(100_000_000L, 150);

    @Test
    void aGradientOfASmallCalculatorFunctionIsDrawnFromBlackToWhite() {
        BufferedImage page = draw(
                "/ShadingType 2 /ColorSpace /DeviceGray /Coords [0 0 612 0] /Extend [true true]"
                        + " /Function << /FunctionType 4 /Domain [0 1] /Range [0 1] /Length 9 >>",
                "{ 1 mul }");
        int y = page.getHeight() / 2;
        assertTrue(grey(page, 5, y) < 20, "black at the left: " + grey(page, 5, y));
        assertTrue(grey(page, page.getWidth() - 5, y) > 235, "white at the right");
    }

    @Test
    void aMeshShadingIsLeftUndrawnAndThePageIsRead() {
        // One triangle over half the page (a free-form mesh: 8-bit flag, 16-bit x and y, 8-bit grey), black.
        BufferedImage page = draw(
                "/ShadingType 4 /ColorSpace /DeviceGray /BitsPerCoordinate 16 /BitsPerComponent 8"
                        + " /BitsPerFlag 8 /Decode [0 612 0 792 0 1] /Length 18",
                null);
        assertEquals(255, grey(page, page.getWidth() / 4, page.getHeight() * 3 / 4));
    }

    @Test
    void anA4ScanAt300DpiIsDrawnWhateverImagesWereDrawnBefore() {
        // Java caches one graphics configuration per image type, sized as the first image of that type.
        for (int type :
                new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            new BufferedImage(10, 10, type).createGraphics().getDeviceConfiguration();
        }
        BufferedImage scan = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = scan.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 2480, 3508);
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(200, 200, 400, 400);
        g.dispose();
        try (Document document = Documents.open(
                com.ocrchat.testing.TestDocuments.scannedPdf(java.util.List.of(scan)),
                new DocumentLimits(100_000_000L, 300))) {
            BufferedImage page = document.render(0);
            assertEquals(2480, page.getWidth());
            assertEquals(0, grey(page, 400, 400), "the scan's black square");
        }
    }

    private static int grey(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }

    /** A page painted with this shading ("sh"), given as a stream when {@code program} is null (the mesh). */
    private static BufferedImage draw(String shading, String program) {
        String shadingObject = program != null
                ? "<< "
                        + shading.replace(" /Function << ", " /Function 6 0 R >>\nendobj\n6 0 obj\n<< ")
                                .replace("/Length 9 >>", "/Length 9 >>\nstream\n" + program + "\nendstream")
                : "<< " + shading + " >>\nstream\n"
                        + new String(
                                new byte[] {0, 0, 0, 0, 0, 0, 0, -1, -1, 0, 0, 0, 0, 0, 0, -1, -1, 0},
                                StandardCharsets.ISO_8859_1)
                        + "\nendstream";
        String pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                + " /Resources << /Shading << /Sh 5 0 R >> >> >>\nendobj\n"
                + "4 0 obj\n<< /Length 6 >>\nstream\n/Sh sh\nendstream\nendobj\n"
                + "5 0 obj\n" + shadingObject + "\nendobj\n"
                + "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
        try (Document document = Documents.open(pdf.getBytes(StandardCharsets.ISO_8859_1), LIMITS)) {
            return document.render(0);
        }
    }
}
