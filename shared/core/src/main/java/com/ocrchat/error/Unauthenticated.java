package com.ocrchat.error;

import java.util.Map;

/** A token is missing where one is required, or is malformed, unknown or revoked. */
public final class Unauthenticated extends OcrChatException {
    public Unauthenticated(String message) {
        this(message, Map.of());
    }

    public Unauthenticated(String message, Map<String, Object> details) {
        super(message, details, null);
    }

    @Override
    public boolean clientCaused() {
        return true;
    }
}
