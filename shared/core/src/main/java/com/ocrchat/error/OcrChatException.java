package com.ocrchat.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the domain can name. Each kind says what went wrong in the product's words and carries
 * what a client needs to know ({@link #details()}); the edge alone turns a kind into an HTTP status.
 */
public abstract sealed class OcrChatException extends RuntimeException
        permits InvalidInput,
                UnsupportedDocument,
                LimitExceeded,
                PaymentRequired,
                NotFound,
                Unauthenticated,
                NotReady,
                TooManyRequests,
                IdempotencyKeyReused,
                Forbidden,
                Conflict,
                RecognitionFailure,
                ProviderFailure {
    private final Map<String, Object> details;

    protected OcrChatException(String message, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.details = new LinkedHashMap<>(details);
    }

    /** Facts beside the message (page, limit, used, cap, ...), in the order they were given. */
    public Map<String, Object> details() {
        return details;
    }

    /** This failure with one more fact in its details (say, the job it failed and what that cost). */
    public OcrChatException with(String key, Object value) {
        details.put(key, value);
        return this;
    }

    /** Whether the client caused it: retrying the same input cannot help, and a worker does not retry it. */
    public abstract boolean clientCaused();
}
