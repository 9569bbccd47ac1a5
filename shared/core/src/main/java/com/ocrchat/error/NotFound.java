package com.ocrchat.error;

import java.util.Map;

/** No such job, conversation or upload for this caller (another caller's is as unknown as a missing one). */
public final class NotFound extends OcrChatException {
    public NotFound(String message) {
        this(message, Map.of());
    }

    public NotFound(String message, Map<String, Object> details) {
        super(message, details, null);
    }

    @Override
    public boolean clientCaused() {
        return true;
    }
}
