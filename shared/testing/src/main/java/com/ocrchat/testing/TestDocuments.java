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
    public static final List<String> INVOICE_LINES = List.of(
            "Acme Corp",
            "123 Market Street, Springfield",
            "Invoice number: INV-2026-0042",
            "Invoice date: November 2, 2026",
            "Due date: December 1, 2026",
            "Widget assembly, 2 units: 150.00 USD",
            "Support plan, 1 year: 65.00 USD",
            "Total: 215.00 USD");

    private TestDocuments() {}

    /** An A4 invoice at 150 dpi: a large "INVOICE" title over body text in DejaVu Sans. */
    public static BufferedImage invoiceImage() {
        return page("INVOICE", INVOICE_LINES);
    }

    /** A white A4 page at 150 dpi with a large title and body lines. */
    public static BufferedImage page(String title, List<String> lines) {
        return page("DejaVu Sans", title, lines);
    }

    /** Like {@link #page(String, List)}, in the given font (Noto Sans CJK SC, Noto Sans Thai, ...). */
    public static BufferedImage page(String font, String title, List<String> lines) {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whitePage(image);
        g.setFont(new Font(font, Font.BOLD, 72));
        g.drawString(title, 120, 220);
        g.setFont(new Font(font, Font.PLAIN, 30));
        int y = 360;
        for (String line : lines) {
            g.drawString(line, 120, y);
            y += 70;
        }
        g.dispose();
        return image;
    }

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

    /** An A4 page at 150 dpi: a title across the page, then two columns of text, each paragraph wrapped to its column. */
    public static BufferedImage twoColumnPage(String title, List<String> left, List<String> right) {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whitePage(image);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 56));
        g.drawString(title, 100, 200);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 26));
        column(g, left, 100, 320, 480);
        column(g, right, 660, 320, 480);
        g.dispose();
        return image;
    }

    /** A report page: a small running header at the top, paragraphs, a page-number footer at the bottom. */
    public static BufferedImage pageWithHeaderAndFooter(String header, List<String> paragraphs, String footer) {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whitePage(image);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 20));
        g.drawString(header, 100, 90);
        g.drawString(footer, 1240 - 100 - g.getFontMetrics().stringWidth(footer), 1680);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 26));
        column(g, paragraphs, 100, 240, 1040);
        g.dispose();
        return image;
    }

    /** Paragraphs word-wrapped into a column, a blank line between paragraphs. */
    private static void column(Graphics2D g, List<String> paragraphs, int x, int y, int width) {
        var metrics = g.getFontMetrics();
        int line = metrics.getHeight() + 8;
        for (String paragraph : paragraphs) {
            StringBuilder current = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (metrics.stringWidth(candidate) > width && !current.isEmpty()) {
                    g.drawString(current.toString(), x, y);
                    y += line;
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            g.drawString(current.toString(), x, y);
            y += 2 * line;
        }
    }

    /** A page with a title, two section headings, a paragraph, a bulleted list and a numbered list. */
    public static BufferedImage handbookPage() {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whitePage(image);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 64));
        g.drawString("Project Handbook", 100, 180);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 42));
        g.drawString("Getting started", 100, 300);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 28));
        g.drawString("Read these steps before your first day at the office.", 100, 380);
        g.drawString("\u2022 Bring your signed contract", 130, 460);
        g.drawString("\u2022 Collect your badge at reception", 130, 510);
        g.drawString("\u2022 Meet your mentor", 130, 560);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 42));
        g.drawString("First week", 100, 680);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 28));
        g.drawString("1. Set up your laptop", 130, 760);
        g.drawString("2. Join the team meeting", 130, 810);
        g.drawString("3. Review the open issues", 130, 860);
        g.dispose();
        return image;
    }

    public static final List<List<String>> ORDER_TABLE = List.of(
            List.of("Item", "Quantity", "Price"),
            List.of("Widget assembly", "2", "150.00"),
            List.of("Support plan", "1", "65.00"),
            List.of("Cable", "4", "12.50"));

    /** A page with a title, a sentence, and {@link #ORDER_TABLE} in three columns, with or without ruling lines. */
    public static BufferedImage tablePage(boolean ruled) {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whitePage(image);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 56));
        g.drawString("Order 1042", 100, 180);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 28));
        g.drawString("The goods below were shipped on Monday.", 100, 280);
        drawTable(g, ORDER_TABLE, new int[] {100, 620, 880, 1100}, 360, 70, 46, ruled ? 3 : 0);
        g.dispose();
        return image;
    }

    /**
     * The rows' cells drawn into columns starting at {@code columns} (whose last entry is the right edge),
     * rows {@code rowHeight} apart with text {@code baseline} below a row's top; ruled with lines
     * {@code rule} pixels wide, or not at all for 0.
     */
    private static void drawTable(
            Graphics2D g, List<List<String>> rows, int[] columns, int top, int rowHeight, int baseline, int rule) {
        int padding = baseline / 3;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                g.drawString(rows.get(r).get(c), columns[c] + padding, top + r * rowHeight + baseline);
            }
        }
        if (rule == 0) {
            return;
        }
        g.setStroke(new java.awt.BasicStroke(rule));
        for (int r = 0; r <= rows.size(); r++) {
            g.drawLine(columns[0], top + r * rowHeight, columns[columns.length - 1], top + r * rowHeight);
        }
        for (int x : columns) {
            g.drawLine(x, top, x, top + rows.size() * rowHeight);
        }
    }

    public static final List<List<String>> PLAN_TABLE = List.of(
            List.of("Step", "What to do", "Owner"),
            List.of("1", "Collect the signed forms from every team before Friday", "Anna"),
            List.of("2", "Check the totals against the budget of last year", "Ben"),
            List.of("3", "Send the final report to the board with a short summary", "Chris"));

    /** {@link #PLAN_TABLE} ruled into a grid: its middle column holds whole sentences. */
    public static BufferedImage ruledTableOfSentences() {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whitePage(image);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 48));
        g.drawString("Year-end plan", 100, 180);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 22));
        drawTable(g, PLAN_TABLE, new int[] {100, 220, 980, 1140}, 280, 64, 42, 2);
        g.dispose();
        return image;
    }

    /** A born-digital PDF page: a title, a sentence and {@link #ORDER_TABLE} set in three columns of Helvetica. */
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
                for (int r = 0; r < ORDER_TABLE.size(); r++) {
                    for (int c = 0; c < 3; c++) {
                        text(
                                content,
                                Standard14Fonts.FontName.HELVETICA,
                                12,
                                columns[c],
                                690 - 22 * r,
                                ORDER_TABLE.get(r).get(c));
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

    /** Graphics on the image painted white, ready to draw black, anti-aliased text. */
    private static Graphics2D whitePage(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        return g;
    }
}
