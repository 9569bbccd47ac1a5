package com.ocrchat.error;

import java.util.Map;

/**
 * The input is over a limit of this deployment or of the caller's plan (bytes, pages per file,
 * pixels per page, characters); the details name the limit and its value.
 */
public final class LimitExceeded extends OcrChatException {
    private final boolean wholeRequest;

    public LimitExceeded(String message, Map<String, Object> details) {
        this(message, details, false);
    }

    private LimitExceeded(String message, Map<String, Object> details, boolean wholeRequest) {
        super(message, details, null);
        this.wholeRequest = wholeRequest;
    }

    /** The request itself is larger than one request may carry (not the file within it). */
    public static LimitExceeded requestTooLarge(String message, Map<String, Object> details) {
        return new LimitExceeded(message, details, true);
    }

    public boolean wholeRequest() {
        return wholeRequest;
    }

    @Override
    public boolean clientCaused() {
        return true;
    }
}
