package com.ocrchat.ocr;

import com.ocrchat.page.Page;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * An opened input file: its pages, rendered one at a time so that a long document never holds all
 * its page images at once. Not thread-safe: callers render one page at a time. Close it when done.
 */
public interface Document extends AutoCloseable {
    DocumentType type();

    int pageCount();

    /** Page {@code index} (0-based) as an image; a client-side problem is thrown as a 400. */
    BufferedImage render(int index);

    /**
     * A recognized page in the document's page space: the rendered image's pixels, except for PDF pages,
     * whose boxes are always given at the configured dpi whatever resolution they were rendered at.
     */
    default Page toPageSpace(Page recognized) {
        return recognized;
    }

    /** The page read from its own trustworthy text layer (PDFs); empty when it must be recognized. */
    default Optional<Page> textLayer(int index) {
        return Optional.empty();
    }

    /**
     * The page's own JPEG when the page, rendered, is that image whole and upright (a photo; a scanned PDF page that is
     * one JPEG): kept as it is for the searchable PDF and the job page, in its own colours (PDF pages are rendered in
     * grey to be read) and without a second compression. Empty when the page is kept as rendered.
     */
    default Optional<byte[]> ownJpeg(int index) {
        return Optional.empty();
    }

    /** The page on its own as a one-page PDF (for pages taken from their text layer). */
    default byte[] pageAsPdf(int index) {
        throw new UnsupportedOperationException(type() + " pages are images");
    }

    @Override
    void close();
}
