package com.ocrchat.ocr;

import com.ocrchat.settings.Limits;
import java.time.Duration;

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
