package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * A scanned page that is one image over the page is read from that image's samples at its own pixels, as PDFBox would
 * draw it; any other is drawn by PDFBox.
 */
class ScanPixelsTest {
    private static final DocumentLimits LIMITS = new DocumentLimits(20_000_000L, 300);

    /** The invoice (A4 at 150 dpi, 1240 x 1754) in colour: yellow paper, a red stamp. */
    private static BufferedImage colourInvoice() {
        BufferedImage grey = TestPages.invoiceImage();
        BufferedImage colour = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = colour.createGraphics();
        g.drawImage(grey, 0, 0, null);
        g.setXORMode(new Color(0, 7, 55));
        g.fillRect(0, 0, colour.getWidth(), colour.getHeight());
        g.setPaintMode();
        g.setColor(Color.RED);
        g.fillOval(900, 1400, 200, 200);
        g.dispose();
        return colour;
    }

    @Test
    void aLosslessGreyOrColourScanIsReadFromItsSamplesAsPdfBoxWouldDrawIt() {
        BufferedImage grey = TestPages.invoiceImage();
        byte[] file = TestDocuments.scannedPdf(List.of(grey)); // Flate, with PNG predictors, over an A4 page
        BufferedImage read = fast(file).orElseThrow();
        assertEquals(List.of(1240, 1754), List.of(read.getWidth(), read.getHeight()), "the scan's own pixels");
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, read.getType());
        assertMostApart(0, read, drawnByPdfBox(file));
        assertMostApart(0, render(file), drawnByPdfBox(file));

        byte[] colour = TestDocuments.scannedPdf(List.of(colourInvoice()));
        assertMostApart(1, fast(colour).orElseThrow(), drawnByPdfBox(colour)); // red, green, blue weighed apart
    }

    @Test
    void aJpegScanIsReadByTheJpegReaderWithinThePagesStreamBudget() throws Exception {
        byte[] file =
                wholePage(pdf -> JPEGFactory.createFromByteArray(pdf, TestDocuments.encode(colourInvoice(), "jpg")));
        assertMostApart(1, fast(file).orElseThrow(), drawnByPdfBox(file));

        DocumentLimits fourMegabytes =
                new DocumentLimits(20_000_000L, 300, 10, 4_000_000L, 2_000_000, Duration.ofMinutes(1));
        try (Document document = Documents.open(file, fourMegabytes)) {
            LimitExceeded refused = assertThrows(LimitExceeded.class, () -> document.render(0));
            assertTrue(refused.getMessage().contains("a JPEG's raster"), refused.getMessage()); // 1240 x 1754 x 3 bytes
        }
    }

    @Test
    void aScanFinerThanTheDpiOrOverPartOfThePageIsDrawnByPdfBox() throws Exception {
        BufferedImage at600 = new BufferedImage(4960, 7016, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = at600.createGraphics();
        g.drawImage(TestPages.invoiceImage(), 0, 0, 4960, 7016, null);
        g.dispose();
        byte[] finer = TestDocuments.scannedPdf(List.of(at600));
        assertTrue(fast(finer).isEmpty());
        BufferedImage read = render(finer);
        assertTrue(Math.abs(read.getWidth() - 2480) <= 1 && Math.abs(read.getHeight() - 3508) <= 1, read.toString());

        byte[] corner = onePage(pdf -> LosslessFactory.createFromImage(pdf, TestPages.invoiceImage()), 300, 400);
        assertTrue(fast(corner).isEmpty());
        assertEquals(255, render(corner).getRaster().getSample(1000, 100, 0), "the page around the image is blank");
    }

    @Test
    void aScanWhoseSamplesEndShortIsReadAsPdfBoxDrawsIt() throws Exception {
        BufferedImage invoice = TestPages.invoiceImage();
        byte[] samples = GreyPixels.of(invoice);
        Deflater deflater = new Deflater();
        deflater.setInput(samples);
        deflater.finish();
        byte[] deflated = new byte[samples.length];
        byte[] half = Arrays.copyOf(deflated, deflater.deflate(deflated) / 2);
        byte[] file = wholePage(pdf -> new PDImageXObject(
                pdf, new ByteArrayInputStream(half), COSName.FLATE_DECODE, 1240, 1754, 8, PDDeviceGray.INSTANCE));
        BufferedImage drawn = drawnByPdfBox(file);
        BufferedImage read = fast(file).orElseThrow();
        assertEquals(List.of(drawn.getWidth(), drawn.getHeight()), List.of(read.getWidth(), read.getHeight()));
        assertMostApart(0, read, drawn);
        assertEquals(0, read.getRaster().getSample(600, 1700, 0), "black past the stream's end, as PDFBox draws it");
    }

    /** The page as the fast path reads it, at the dpi the server draws it at; empty where PDFBox must draw it. */
    private static Optional<BufferedImage> fast(byte[] file) {
        try (PDDocument pdf = Loader.loadPDF(file)) {
            PDPage page = pdf.getPage(0);
            float dpi = Math.min(300, ScanResolution.of(page).orElseThrow());
            return ScanPixels.of(page, dpi, LIMITS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the one-page PDF draws: its image, made in the document. */
    private interface ImageMaker {
        PDImageXObject make(PDDocument pdf) throws java.io.IOException;
    }

    /** An A4 page drawing the image at the origin, {@code width} x {@code height} points. */
    private static byte[] onePage(ImageMaker image, float width, float height) throws Exception {
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDImageXObject made = image.make(pdf);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.drawImage(made, 0, 0, width, height);
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] wholePage(ImageMaker image) throws Exception {
        return onePage(image, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
    }

    private static BufferedImage render(byte[] file) {
        try (Document document = Documents.open(file, LIMITS)) {
            return document.render(0);
        }
    }

    /** The page as PDFBox draws it at the scan's resolution, as the server did. */
    private static BufferedImage drawnByPdfBox(byte[] file) {
        try (PDDocument pdf = Loader.loadPDF(file)) {
            float dpi = ScanResolution.of(pdf.getPage(0)).orElseThrow();
            return new PDFRenderer(pdf).renderImageWithDPI(0, dpi, ImageType.GRAY);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertMostApart(int most, BufferedImage read, BufferedImage drawn) {
        int apart = 0;
        for (int y = 0; y < Math.min(read.getHeight(), drawn.getHeight()); y++) {
            for (int x = 0; x < Math.min(read.getWidth(), drawn.getWidth()); x++) {
                int difference =
                        read.getRaster().getSample(x, y, 0) - drawn.getRaster().getSample(x, y, 0);
                apart = Math.max(apart, Math.abs(difference));
            }
        }
        assertTrue(apart <= most, "each pixel the grey PDFBox draws: " + apart + " apart");
    }
}
