package com.ocrchat.ocr;

import java.awt.image.BufferedImage;

/**
 * Recognizes the text of one page image. Implementations may be called from several threads at once;
 * {@code languages} is a Tesseract language string such as {@code "eng"} or {@code "deu+eng"}.
 * A failure of the engine itself is thrown as {@link OcrFailure}.
 */
public interface OcrEngine {
    /** The page as it should be recognized and kept: turned upright where it lies on its side or upside down. */
    default BufferedImage prepare(BufferedImage image) {
        return image;
    }

    /** Words, blocks and boxes in the image's own pixel space. */
    Page recognize(BufferedImage image, int pageIndex, String languages);
}
