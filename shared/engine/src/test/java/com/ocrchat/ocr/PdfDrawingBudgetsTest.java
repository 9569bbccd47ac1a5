package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.error.UnsupportedDocument;
import com.ocrchat.testing.RawPdf;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the drawing budgets leave alone: gradients of small functions are drawn, meshes are left undrawn, a scatter
 * plot of small forms is drawn.
 */
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

    @Test
    void aScatterPlotOfTwentyThousandMarkersIsReadAndDrawn() throws Exception {
        // matplotlib draws each marker as a small form: "1 0 0 1 dx dy cm /M0 Do", a dot 7 points across.
        StringBuilder content = new StringBuilder("BT /F1 11 Tf 72 740 Td (Figure 3: latency against load) Tj ET\n");
        content.append("BT /F1 10 Tf 72 100 Td (The scatter shows a knee near saturation, as the model says.) Tj ET\n");
        content.append("0 0 0 rg q 1 0 0 1 300 400 cm\n");
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 20_000; i++) {
            content.append(
                    i == 0
                            ? "/M0 Do\n"
                            : String.format(
                                    java.util.Locale.ROOT,
                                    "1 0 0 1 %.2f %.2f cm /M0 Do\n",
                                    random.nextDouble() - 0.5,
                                    random.nextDouble() - 0.5));
        }
        content.append("Q\n");
        RawPdf pdf = page(content.toString(), "/XObject << /M0 5 0 R >> /Font << /F1 " + HELVETICA + " >>").stream(
                " /Type /XObject /Subtype /Form /BBox [-3.5 -3.5 3.5 3.5]",
                ascii("0 -3 m 3 0 l 0 3 l -3 0 l h f"),
                false);
        try (Document document = Documents.open(pdf.bytes(), LIMITS)) {
            assertTrue(document.textLayer(0).orElseThrow().text().contains("Figure 3: latency against load"));
            BufferedImage page = document.render(0);
            assertEquals(0, grey(page, 300 * 150 / 72, (792 - 400) * 150 / 72), "the markers, drawn");
        }
    }

    @Test
    void aDuotonePhotoOfSevenMegapixelsIsDrawnSinceTwoInksHaveFewColours() throws Exception {
        // Two 8-bit inks through a 60-token transform: 65,536 colours at most, each transformed once by PDFBox.
        int width = 2400;
        int height = 3000;
        byte[] inks = new byte[width * height * 2];
        java.util.Arrays.fill(inks, width * height, inks.length, (byte) 255); // the lower half white
        RawPdf pdf = page("q 612 0 0 792 0 0 cm /I Do Q", "/XObject << /I 5 0 R >>").stream(
                " /Type /XObject /Subtype /Image /Width " + width + " /Height " + height + " /BitsPerComponent 8"
                        + " /ColorSpace [/DeviceN [/Spot /Black] /DeviceGray 6 0 R]",
                inks,
                true)
                .stream(
                        " /FunctionType 4 /Domain [0 1 0 1] /Range [0 1]",
                        ascii("{ " + "dup pop ".repeat(28) + "add 2 div }"),
                        false);
        try (Document document = Documents.open(pdf.bytes(), LIMITS)) {
            BufferedImage drawn = document.render(0);
            assertEquals(0, grey(drawn, drawn.getWidth() / 2, drawn.getHeight() / 4), "the upper half black");
            assertEquals(255, grey(drawn, drawn.getWidth() / 2, drawn.getHeight() * 3 / 4), "the lower white");
        }
    }

    @Test
    void aPageDrawingAJpeg2000ImageIsRefusedNotReadBlank() {
        // PDFBox has no JPEG 2000 reader here: it would log the image and leave the page white, charged as read.
        RawPdf pdf = page("q 612 0 0 792 0 0 cm /Scan Do Q", "/XObject << /Scan 5 0 R >>").stream(
                " /Type /XObject /Subtype /Image /Width 1275 /Height 1650 /BitsPerComponent 8"
                        + " /ColorSpace /DeviceGray /Filter /JPXDecode",
                ascii("not decoded"),
                false);
        try (Document document = Documents.open(pdf.bytes(), LIMITS)) {
            UnsupportedDocument refused = assertThrows(UnsupportedDocument.class, () -> document.render(0));
            assertEquals(
                    "Page 1 of the PDF draws a JPEG 2000 image (JPXDecode) that this server does not decode; save the"
                            + " PDF with JPEG or PNG images, or send its pages as images",
                    refused.getMessage());
        }
    }

    private static final String HELVETICA = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

    /** A letter page drawn by this content with these resources; further objects from number 5. */
    private static RawPdf page(String content, String resources) {
        return new RawPdf()
                        .object("<< /Type /Catalog /Pages 2 0 R >>")
                        .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                        .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << "
                                + resources + " >> >>")
                        .stream("", ascii(content), false);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
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
