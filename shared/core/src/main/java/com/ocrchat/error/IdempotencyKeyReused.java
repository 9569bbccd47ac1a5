package com.ocrchat.error;

import java.util.Map;

/** An Idempotency-Key the caller already used for another request: retrying means sending the same one. */
public final class IdempotencyKeyReused extends OcrChatException {
    public IdempotencyKeyReused(String message) {
        super(message, Map.of(), null);
    }

    @Override
    public boolean clientCaused() {
        return true;
    }
}
