package com.ocrchat.ocr;

import com.ocrchat.http.ApiException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A PDF whose pages are rasterized one at a time with PDFBox, in grey, at the configured dpi. */
final class PdfDocument implements Document {
    private final PDDocument pdf;
    private final PDFRenderer renderer;
    private final DocumentLimits limits;

    private PdfDocument(PDDocument pdf, DocumentLimits limits) {
        this.pdf = pdf;
        this.renderer = new PDFRenderer(pdf);
        this.limits = limits;
    }

    static PdfDocument open(byte[] bytes, DocumentLimits limits) {
        PDDocument pdf;
        try {
            pdf = Loader.loadPDF(bytes);
        } catch (InvalidPasswordException e) {
            throw ApiException.badRequest("The PDF is encrypted or password-protected; upload it without a password");
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("The PDF is corrupt or truncated and cannot be read"
                    + (e.getMessage() != null ? " (" + e.getMessage() + ")" : ""));
        }
        if (pdf.getNumberOfPages() < 1) {
            closeQuietly(pdf);
            throw ApiException.badRequest("The PDF has no pages");
        }
        return new PdfDocument(pdf, limits);
    }

    @Override
    public DocumentType type() {
        return DocumentType.PDF;
    }

    @Override
    public int pageCount() {
        return pdf.getNumberOfPages();
    }

    @Override
    public BufferedImage render(int index) {
        try {
            return renderer.renderImageWithDPI(index, dpiFor(pdf.getPage(index)), ImageType.GRAY);
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("Page " + (index + 1) + " of the PDF is corrupt and cannot be rendered"
                    + (e.getMessage() != null ? " (" + e.getMessage() + ")" : ""));
        }
    }

    @Override
    public Optional<Page> textLayer(int index) {
        PDPage page = pdf.getPage(index);
        float dpi = dpiFor(page);
        PDRectangle box = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        int width = Math.round((turned ? box.getHeight() : box.getWidth()) * dpi / 72f);
        int height = Math.round((turned ? box.getWidth() : box.getHeight()) * dpi / 72f);
        return PdfTextLayer.read(pdf, index, dpi, width, height);
    }

    @Override
    public byte[] pageAsPdf(int index) {
        try {
            return PdfTextLayer.singlePage(pdf, index);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The configured dpi, lowered for a page so large that its raster would pass the pixel limit. */
    private float dpiFor(PDPage page) {
        PDRectangle box = page.getCropBox();
        double squareInches = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
        double pixelsAtDpi = squareInches * limits.pdfDpi() * limits.pdfDpi();
        if (squareInches <= 0 || pixelsAtDpi <= limits.maxPixelsPerPage()) {
            return limits.pdfDpi();
        }
        return (float) Math.floor(Math.sqrt(limits.maxPixelsPerPage() / squareInches));
    }

    @Override
    public void close() {
        closeQuietly(pdf);
    }

    private static void closeQuietly(PDDocument pdf) {
        try {
            pdf.close();
        } catch (IOException ignored) {
            // The PDF was read from memory; nothing is left open.
        }
    }
}
