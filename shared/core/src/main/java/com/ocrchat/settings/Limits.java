package com.ocrchat.settings;

import java.time.Duration;

/**
 * How large an input or an answer may be, and what one page may cost: the file's bytes, a page's pixels
 * (checked before decoding), the PDF raster resolution, pages per file (whatever the plan allows, the
 * engine never walks more), bytes of decoded PDF streams, operators drawn per PDF page, seconds per page,
 * and the largest export answered inline (larger ones are a redirect to S3: a Lambda response carries
 * 6 MB, base64 adds a third).
 */
public record Limits(
        long maxFileBytes,
        long maxPixelsPerPage,
        int pdfDpi,
        long inlineDownloadMaxBytes,
        int maxPagesPerDocument,
        long maxDecodedBytes,
        long maxOperatorsPerPage,
        Duration pageTimeBudget) {

    public static Limits from(Env env) {
        return new Limits(
                env.number("OCRCHAT_MAX_FILE_MB", 50, 1, 5_000) * 1024L * 1024L,
                env.number("OCRCHAT_MAX_PAGE_MEGAPIXELS", 100, 1, 1_000) * 1_000_000L,
                env.integer("OCRCHAT_PDF_DPI", 300, 72),
                env.number("OCRCHAT_INLINE_DOWNLOAD_MAX_KB", 4000, 0, 6_000) * 1000L,
                env.integer("OCRCHAT_MAX_PAGES_PER_DOCUMENT", 2000, 1),
                env.number("OCRCHAT_MAX_DECODED_MB", 256, 16, 4_096) * 1024L * 1024L,
                env.number("OCRCHAT_MAX_PAGE_OPERATORS", 2_000_000, 1_000, 1_000_000_000),
                env.seconds("OCRCHAT_PAGE_SECONDS", 60, 5, 900));
    }
}
