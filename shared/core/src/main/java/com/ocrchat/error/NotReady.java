package com.ocrchat.error;

import java.util.Map;

/** The job exists but is not done yet, so what was asked of it (an export, a chat) does not exist yet. */
public final class NotReady extends OcrChatException {
    public NotReady(String message, String status) {
        super(message, Map.of("status", status), null);
    }

    @Override
    public boolean clientCaused() {
        return true;
    }
}
