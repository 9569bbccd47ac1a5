package com.ocrchat.testing;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Scans in black and white, as fax machines and office scanners in their document mode make them. */
public final class BilevelScans {
    private BilevelScans() {}

    /** The page thresholded to black and white, one bit a pixel. */
    public static BufferedImage bilevel(BufferedImage image) {
        BufferedImage bilevel = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = bilevel.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return bilevel;
    }

    /** A PDF of one page a scan, each thresholded and compressed with CCITT Group 4, the page its size at {@code dpi}. */
    public static byte[] pdf(List<BufferedImage> scans, float dpi) {
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage scan : scans) {
                PDRectangle size = new PDRectangle(scan.getWidth() * 72f / dpi, scan.getHeight() * 72f / dpi);
                PDPage page = new PDPage(size);
                pdf.addPage(page);
                PDImageXObject g4 = CCITTFactory.createFromImage(pdf, bilevel(scan));
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(g4, 0, 0, size.getWidth(), size.getHeight());
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
