package com.ocrchat.error;

import java.util.Map;

/**
 * The engine could not do its work on a readable input (a model failed to load, Tesseract failed,
 * an interruption): our fault, so the job's credits come back and a worker may retry.
 */
public final class RecognitionFailure extends OcrChatException {
    public RecognitionFailure(String message) {
        this(message, null);
    }

    public RecognitionFailure(String message, Throwable cause) {
        super(message, Map.of(), cause);
    }

    @Override
    public boolean clientCaused() {
        return false;
    }
}
