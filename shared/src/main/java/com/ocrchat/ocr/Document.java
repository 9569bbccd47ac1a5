package com.ocrchat.ocr;

import java.awt.image.BufferedImage;

/**
 * An opened input file: its pages, rendered one at a time so that a long document never holds all
 * its page images at once. Not thread-safe: callers render one page at a time. Close it when done.
 */
public interface Document extends AutoCloseable {
    DocumentType type();

    int pageCount();

    /** Page {@code index} (0-based) as an image; a client-side problem is thrown as a 400. */
    BufferedImage render(int index);

    @Override
    void close();
}
