package com.ocrchat.error;

import java.util.Map;

/** The request is malformed or names something unknown (tier, tool, language, format, field). */
public final class InvalidInput extends OcrChatException {
    public InvalidInput(String message) {
        this(message, Map.of());
    }

    public InvalidInput(String message, Map<String, Object> details) {
        super(message, details, null);
    }

    @Override
    public boolean clientCaused() {
        return true;
    }
}
