package com.ocrchat.settings;

/**
 * How large an input or an answer may be: the file's bytes, a page's pixels (checked before
 * decoding), the PDF raster resolution, and the largest export answered inline (larger ones are a
 * redirect to S3: a Lambda response carries 6 MB, base64 adds a third).
 */
public record Limits(long maxFileBytes, long maxPixelsPerPage, int pdfDpi, long inlineDownloadMaxBytes) {

    public static Limits from(Env env) {
        return new Limits(
                env.number("OCRCHAT_MAX_FILE_MB", 50, 1, 5_000) * 1024L * 1024L,
                env.number("OCRCHAT_MAX_PAGE_MEGAPIXELS", 100, 1, 1_000) * 1_000_000L,
                env.integer("OCRCHAT_PDF_DPI", 300, 72),
                env.number("OCRCHAT_INLINE_DOWNLOAD_MAX_KB", 4000, 0, 6_000) * 1000L);
    }
}
