package com.ocrchat.error;

import java.util.Map;

/** A per-caller rate (chat messages per day) is used up. */
public final class TooManyRequests extends OcrChatException {
    public TooManyRequests(String message) {
        this(message, Map.of());
    }

    public TooManyRequests(String message, Map<String, Object> details) {
        super(message, details, null);
    }

    @Override
    public boolean clientCaused() {
        return true;
    }
}
