package com.ocrchat.ocr;

/** The engine could not do its work (not installed, a model failed to load, recognition failed). */
public class OcrFailure extends RuntimeException {
    public OcrFailure(String message) {
        super(message);
    }

    public OcrFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
