package com.ocrchat.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Documents the tests make themselves: a rendered invoice, scanned and born-digital PDFs. */
public final class TestDocuments {
    private TestDocuments() {}

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    public static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scanned PDF: each image is one A4 page, no text layer. */
    public static byte[] scannedPdf(List<BufferedImage> pages) {
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                PDImageXObject xobject = LosslessFactory.createFromImage(pdf, image);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A born-digital PDF: each page's lines set in Helvetica 14pt, the first line in 24pt bold. */
    public static byte[] textPdf(List<List<String>> pages) {
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (List<String> lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    float y = 770;
                    for (int i = 0; i < lines.size(); i++) {
                        text(
                                content,
                                i == 0 ? Standard14Fonts.FontName.HELVETICA_BOLD : Standard14Fonts.FontName.HELVETICA,
                                i == 0 ? 24 : 14,
                                72,
                                y,
                                lines.get(i));
                        y -= i == 0 ? 44 : 26;
                    }
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF locked with a user password, as a client might upload one by mistake. */
    public static byte[] encryptedPdf(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small image holding one line of text: quick to recognize, for tests that submit many files. */
    public static byte[] linePng(String text) {
        BufferedImage image = new BufferedImage(600, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 40));
        g.drawString(text, 30, 75);
        g.dispose();
        return png(image);
    }

    /** A born-digital PDF of small pages (3 x 1 inch), one line of text each: quick to recognize. */
    public static byte[] smallPagesPdf(int pages) {
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(new PDRectangle(216, 72));
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 18);
                    content.newLineAtOffset(20, 28);
                    content.showText("Page number " + i);
                    content.endText();
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The PDF with page {@code pageNumber} (1-based) broken as a damaged file's page is: no text, only an
     * inline JPEG image whose data is not JPEG, so the page opens and counts but cannot be rendered.
     */
    public static byte[] withCorruptPage(byte[] pdf, int pageNumber) {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = document.getPage(pageNumber - 1);
            org.apache.pdfbox.pdmodel.common.PDStream content = new org.apache.pdfbox.pdmodel.common.PDStream(document);
            try (java.io.OutputStream stream = content.createOutputStream()) {
                stream.write("BI /W 100 /H 100 /BPC 8 /CS /G /F /DCT ID \u00ff\u00d8 not a JPEG at all EI"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            page.setContents(content);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF whose first page is born-digital text and whose second page is a scanned image. */
    public static byte[] mixedPdf(List<String> textPage, BufferedImage scannedPage) {
        try (PDDocument text = Loader.loadPDF(textPdf(List.of(textPage)));
                PDDocument scan = Loader.loadPDF(scannedPdf(List.of(scannedPage)));
                PDDocument mixed = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            mixed.importPage(text.getPage(0));
            mixed.importPage(scan.getPage(0));
            mixed.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scanned page with invisible text over it, as OCR tools leave it (here deliberately wrong text). */
    public static byte[] scanWithInvisibleText(BufferedImage image, String invisibleText) {
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDImageXObject xobject = LosslessFactory.createFromImage(pdf, image);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                content.beginText();
                content.setRenderingMode(org.apache.pdfbox.pdmodel.graphics.state.RenderingMode.NEITHER);
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(invisibleText);
                content.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multi-page TIFF written with the JDK's TIFF writer, one image a page. */
    public static byte[] multiPageTiff(List<BufferedImage> pages) {
        return sequence("tiff", pages);
    }

    /** An animated GIF: only its first frame is a page. */
    public static byte[] animatedGif(List<BufferedImage> frames) {
        return sequence("gif", frames);
    }

    private static byte[] sequence(String format, List<BufferedImage> images) {
        javax.imageio.ImageWriter writer =
                ImageIO.getImageWritersByFormatName(format).next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage image : images) {
                BufferedImage indexedOrRgb = image;
                if (format.equals("gif")) {
                    indexedOrRgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
                    indexedOrRgb.getGraphics().drawImage(image, 0, 0, null);
                }
                writer.writeToSequence(new javax.imageio.IIOImage(indexedOrRgb, null, null), null);
            }
            writer.endWriteSequence();
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** A test file kept under src/test/resources/documents. */
    public static byte[] resource(String name) {
        try (var in = TestDocuments.class.getResourceAsStream("/documents/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A born-digital PDF page: a title, a sentence and {@link #TestPages.ORDER_TABLE} set in three columns of Helvetica. */
    public static byte[] tablePdf() {
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            float[] columns = {72, 300, 420};
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                text(content, Standard14Fonts.FontName.HELVETICA_BOLD, 22, 72, 770, "Order 1042");
                text(
                        content,
                        Standard14Fonts.FontName.HELVETICA,
                        12,
                        72,
                        730,
                        "The goods below were shipped on Monday.");
                for (int r = 0; r < TestPages.ORDER_TABLE.size(); r++) {
                    for (int c = 0; c < 3; c++) {
                        text(
                                content,
                                Standard14Fonts.FontName.HELVETICA,
                                12,
                                columns[c],
                                690 - 22 * r,
                                TestPages.ORDER_TABLE.get(r).get(c));
                    }
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(
            PDPageContentStream content, Standard14Fonts.FontName font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(new PDType1Font(font), size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
