package com.ocrchat.error;

import java.util.Map;

/** The caller is known but may not do this: sign-up is closed, or a browser's request lacks its CSRF token. */
public final class Forbidden extends OcrChatException {
    public Forbidden(String message) {
        super(message, Map.of(), null);
    }

    @Override
    public boolean clientCaused() {
        return true;
    }
}
