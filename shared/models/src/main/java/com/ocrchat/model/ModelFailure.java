package com.ocrchat.model;

/** A model call failed; {@code retryable} for throttling, timeouts and the provider's own 5xx faults. */
public final class ModelFailure extends RuntimeException {
    private final boolean retryable;

    public ModelFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
