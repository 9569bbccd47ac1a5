package com.ocrchat.ocr;

import com.ocrchat.page.Page;
import java.awt.image.BufferedImage;

/**
 * Recognizes the text of one page image. Implementations may be called from several threads at once;
 * {@code languages} is a Tesseract language string such as {@code "eng"} or {@code "deu+eng"}.
 * A failure of the engine itself is thrown as RecognitionFailure (or ProviderFailure, for an engine that calls a model).
 */
public interface OcrEngine {
    /** A recognized page and the image its boxes refer to (the input, or the input turned upright). */
    record Recognition(Page page, BufferedImage image) {}

    /** Words, blocks and boxes in the image's own pixel space. */
    Page recognize(BufferedImage image, int pageIndex, String languages);

    /** Like {@link #recognize}, turning the page upright first where the engine can tell it lies on its side. */
    default Recognition read(BufferedImage image, int pageIndex, String languages) {
        return new Recognition(recognize(image, pageIndex, languages), image);
    }
}
