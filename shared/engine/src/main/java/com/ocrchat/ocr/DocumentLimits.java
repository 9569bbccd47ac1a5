package com.ocrchat.ocr;

import com.ocrchat.settings.Limits;
import java.time.Duration;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A document's budgets, which hold whatever its decoders do: pixels per page (checked before decoding,
 * and again for any rescaled copy), the PDF raster dpi, pages per file (counted without trusting the file),
 * bytes of decoded PDF streams, operators drawn per PDF page, and the time one page may take.
 */
public record DocumentLimits(
        long maxPixelsPerPage,
        int pdfDpi,
        int maxPages,
        long maxDecodedBytes,
        long maxOperatorsPerPage,
        Duration pageTimeBudget) {

    /**
     * The longest side of a page image, in pixels, whatever the pixel budget allows: Tesseract's coordinates are 16
     * bits, so it fails to read a longer side (and at 1,000,000 its image library fails, and the JVM with it).
     */
    public static final int MAX_PAGE_SIDE = 32_767;

    /**
     * The most dots per inch a PDF page of this box (in points) is drawn at in {@code maxPixels}, its longest side a
     * side Tesseract reads.
     */
    static double fittingDpi(PDRectangle box, double maxPixels) {
        double longestInches = Math.max(box.getWidth(), box.getHeight()) / 72.0;
        return Math.min(
                Math.sqrt(maxPixels / (box.getWidth() / 72.0 * box.getHeight() / 72.0)),
                Math.min(maxPixels, MAX_PAGE_SIDE) / longestInches);
    }

    /** Bytes of PDF streams one operation decodes, by default (OCRCHAT_MAX_DECODED_MB's default). */
    static final long DEFAULT_DECODED_BYTES = 256L * 1024 * 1024;

    /** The budgets as the settings give them. */
    public static DocumentLimits of(Limits limits) {
        return new DocumentLimits(
                limits.maxPixelsPerPage(),
                limits.pdfDpi(),
                limits.maxPagesPerDocument(),
                limits.maxDecodedBytes(),
                limits.maxOperatorsPerPage(),
                limits.pageTimeBudget());
    }

    /** The default budgets with these pixels and dpi (tests). */
    public DocumentLimits(long maxPixelsPerPage, int pdfDpi) {
        this(maxPixelsPerPage, pdfDpi, 2000, DEFAULT_DECODED_BYTES, 2_000_000, Duration.ofSeconds(60));
    }
}
