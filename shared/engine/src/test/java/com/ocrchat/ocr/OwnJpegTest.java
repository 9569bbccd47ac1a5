package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.page.Page;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** A page that is a JPEG as it is stored is kept as that JPEG; any other is kept as it was rendered. */
class OwnJpegTest {
    private static final DocumentLimits LIMITS = new DocumentLimits(20_000_000L, 300);

    /** A page of text on yellow paper with a red stamp: a colour scan. */
    private static byte[] colourJpeg() throws IOException {
        BufferedImage grey = TestPages.invoiceImage();
        BufferedImage colour = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = colour.createGraphics();
        g.setColor(new Color(255, 248, 200));
        g.fillRect(0, 0, colour.getWidth(), colour.getHeight());
        g.setXORMode(new Color(255, 248, 200));
        g.drawImage(grey, 0, 0, null);
        g.setPaintMode();
        g.setColor(Color.RED);
        g.fillOval(900, 1400, 200, 200);
        g.dispose();
        return TestDocuments.encode(colour, "jpg");
    }

    /** The page's size at 300 dpi, as img2pdf sizes a page to its image: the invoice's 1240 x 1754 pixels. */
    private static final PDRectangle PAGE = new PDRectangle(1240 * 72f / 300, 1754 * 72f / 300);

    /** A one-page PDF of the JPEG, as {@code draw} places it on the page. */
    private static byte[] pdf(byte[] jpeg, int rotation, BiConsumer<PDPageContentStream, PDImageXObject> draw)
            throws IOException {
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PAGE);
            page.setRotation(rotation);
            pdf.addPage(page);
            PDImageXObject image = JPEGFactory.createFromByteArray(pdf, jpeg);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                draw.accept(content, image);
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static void wholePage(PDPageContentStream content, PDImageXObject image) {
        try {
            content.drawImage(image, 0, 0, PAGE.getWidth(), PAGE.getHeight());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Optional<byte[]> ownJpeg(byte[] file) {
        try (Document document = Documents.open(file, LIMITS)) {
            return document.ownJpeg(0);
        }
    }

    @Test
    void aScannedPdfPageThatIsOneJpegIsKeptAsThatJpegInColour() throws Exception {
        byte[] jpeg = colourJpeg();

        assertArrayEquals(jpeg, ownJpeg(pdf(jpeg, 0, OwnJpegTest::wholePage)).orElseThrow());

        List<byte[]> kept = new ArrayList<>();
        List<Page> read = new ArrayList<>();
        try (Document document = Documents.open(pdf(jpeg, 0, OwnJpegTest::wholePage), LIMITS)) {
            new OcrPipeline(
                            (image, index, languages) ->
                                    new Page(index, image.getWidth(), image.getHeight(), "read", List.of()),
                            1)
                    .recognize(document, "eng", 0, 1, new OcrPipeline.PageSink() {
                        @Override
                        public void rendered(int pageIndex, byte[] image) {
                            kept.add(image);
                        }

                        @Override
                        public void keptAsIs(int pageIndex, byte[] singlePagePdf) {}

                        @Override
                        public void read(Page page) {
                            read.add(page);
                        }
                    });
        }
        assertEquals(1, read.size());
        assertArrayEquals(jpeg, kept.get(0), "the page read in grey, kept as the colour JPEG it is");
        BufferedImage shown = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(kept.get(0)));
        int stamp = shown.getRGB(1000, 1500);
        assertTrue((stamp >> 16 & 0xff) > 200 && (stamp >> 8 & 0xff) < 60, "the red stamp is red");
    }

    @Test
    void aScannedPdfPageThatIsOneJpegIsReadFromThatJpegAsPdfBoxWouldDrawIt() throws Exception {
        byte[] jpeg = colourJpeg();
        byte[] file = pdf(jpeg, 0, OwnJpegTest::wholePage);
        BufferedImage drawn;
        try (PDDocument pdf = Loader.loadPDF(file)) {
            drawn = new PDFRenderer(pdf).renderImageWithDPI(0, 300, ImageType.GRAY);
        }
        BufferedImage read = render(file);

        assertEquals(List.of(1240, 1754), List.of(read.getWidth(), read.getHeight()), "the JPEG's own pixels");
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, read.getType());
        int mostApart = 0;
        for (int y = 0; y < drawn.getHeight(); y++) {
            for (int x = 0; x < drawn.getWidth(); x++) {
                int apart =
                        read.getRaster().getSample(x, y, 0) - drawn.getRaster().getSample(x, y, 0);
                mostApart = Math.max(mostApart, Math.abs(apart));
            }
        }
        assertTrue(mostApart <= 1, "each pixel the grey PDFBox draws, but for rounding: " + mostApart + " apart");
        Page page = new TesseractEngine(EngineSettings.from(com.ocrchat.settings.Env.of(java.util.Map.of()))
                        .tessdata()
                        .orElse(null))
                .recognize(read, 0, "eng");
        assertTrue(page.text().contains("Invoice number: INV-2026-0042"), page.text());
    }

    @Test
    void aScannedJpegFinerThanTheDpiOrNotOverThePageIsDrawnByPdfBox() throws Exception {
        BufferedImage invoice = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(colourJpeg()));
        BufferedImage twice = new BufferedImage(2480, 3508, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = twice.createGraphics();
        g.drawImage(invoice, 0, 0, 2480, 3508, null);
        g.dispose();
        BufferedImage at600 = render(pdf(TestDocuments.encode(twice, "jpg"), 0, OwnJpegTest::wholePage));
        assertTrue(at600.getWidth() <= 1240 && at600.getHeight() <= 1754, "read at 300 dpi, as configured");

        BufferedImage inACorner = render(pdf(colourJpeg(), 0, (content, image) -> {
            try {
                content.drawImage(image, 0, 0, 300, 400);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        assertEquals(255, inACorner.getRaster().getSample(1000, 100, 0), "the page around the image is blank");
    }

    private static BufferedImage render(byte[] file) {
        try (Document document = Documents.open(file, LIMITS)) {
            return document.render(0);
        }
    }

    @Test
    void aPageDrawnOtherwiseIsKeptAsRendered() throws Exception {
        byte[] jpeg = colourJpeg();
        assertTrue(ownJpeg(pdf(jpeg, 90, OwnJpegTest::wholePage)).isEmpty(), "a turned page");
        assertTrue(
                ownJpeg(pdf(jpeg, 0, (content, image) -> {
                            try {
                                content.drawImage(image, 0, 0, 300, 400);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }))
                        .isEmpty(),
                "an image over part of the page");
        assertTrue(
                ownJpeg(pdf(jpeg, 0, (content, image) -> {
                            wholePage(content, image);
                            try {
                                content.beginText();
                                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                                content.newLineAtOffset(72, 72);
                                content.showText("Approved");
                                content.endText();
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }))
                        .isEmpty(),
                "a stamp of text over the scan");
        assertTrue(
                ownJpeg(TestDocuments.scannedPdf(List.of(TestPages.invoiceImage())))
                        .isEmpty(),
                "a lossless image");
    }

    @Test
    void aJpegFileIsKeptAsItIsUnlessItIsSeenTurned() throws Exception {
        byte[] jpeg = colourJpeg();
        assertArrayEquals(jpeg, ownJpeg(jpeg).orElseThrow());
        assertTrue(ownJpeg(ImageReadsTest.withExifOrientation(jpeg, 6, false)).isEmpty(), "seen turned");
        assertTrue(ownJpeg(TestDocuments.png(TestPages.invoiceImage())).isEmpty(), "a PNG");
    }

    @Test
    void anOwnJpegStandsForThePageOnlyAtItsPixelsAndUnderTheSizeAResponseHolds() throws Exception {
        byte[] jpeg = colourJpeg();
        BufferedImage read = TestPages.invoiceImage();
        assertTrue(PageImage.standsFor(jpeg, read));
        assertTrue(
                PageImage.standsFor(jpeg, new BufferedImage(1239, 1753, BufferedImage.TYPE_BYTE_GRAY)),
                "rendered a pixel short, as a renderer rounds down");
        assertTrue(
                !PageImage.standsFor(jpeg, new BufferedImage(620, 877, BufferedImage.TYPE_BYTE_GRAY)),
                "a 600-dpi scan read at 300 is kept as read");
        byte[] padded =
                java.util.Arrays.copyOf(jpeg, PageImage.MOST_OWN_JPEG_BYTES + 1); // e.g. a phone's video after it
        assertTrue(!PageImage.standsFor(padded, read), "too large to be sent as the job page's image");
    }
}
