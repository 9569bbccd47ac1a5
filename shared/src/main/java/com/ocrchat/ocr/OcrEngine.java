package com.ocrchat.ocr;

import java.awt.image.BufferedImage;

/**
 * Recognizes the text of one page image. Implementations may be called from several threads at once;
 * {@code languages} is a Tesseract language string such as {@code "eng"} or {@code "deu+eng"}.
 * A failure of the engine itself is thrown as {@link OcrFailure}.
 */
public interface OcrEngine {
    Page recognize(BufferedImage image, int pageIndex, String languages);
}
