package com.ocrchat.error;

import java.util.Map;

/** What the request would create exists already (an email that has a login). */
public final class Conflict extends OcrChatException {
    public Conflict(String message) {
        super(message, Map.of(), null);
    }

    @Override
    public boolean clientCaused() {
        return true;
    }
}
