package com.ocrchat.error;

import java.util.Map;

/**
 * A provider the service depends on failed (the vision, translation or chat model's service) after
 * its retries: not the client's fault, so the job's credits come back.
 */
public final class ProviderFailure extends OcrChatException {
    public ProviderFailure(String message, Throwable cause) {
        super(message, Map.of(), cause);
    }

    @Override
    public boolean clientCaused() {
        return false;
    }
}
