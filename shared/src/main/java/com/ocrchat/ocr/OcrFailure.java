package com.ocrchat.ocr;

/**
 * The engine could not do its work (not installed, a model failed to load, recognition failed);
 * {@code upstream} when the fault is a provider's the engine depends on (the vision model's service).
 */
public class OcrFailure extends RuntimeException {
    private final boolean upstream;

    public OcrFailure(String message) {
        this(message, null, false);
    }

    public OcrFailure(String message, Throwable cause) {
        this(message, cause, false);
    }

    public OcrFailure(String message, Throwable cause, boolean upstream) {
        super(message, cause);
        this.upstream = upstream;
    }

    public boolean upstream() {
        return upstream;
    }
}
