package com.ocrchat.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One attempt in a job's delivery log: which message and try, when, what the receiver answered ({@code status},
 * or {@code error} when it could not be reached), and what happens next.
 */
@JsonPropertyOrder({
    "webhook_id",
    "trigger",
    "attempt",
    "at",
    "url",
    "outcome",
    "status",
    "error",
    "duration_ms",
    "next_attempt_at"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryAttempt(
        String webhookId,
        String trigger,
        int attempt,
        Instant at,
        String url,
        String outcome,
        Integer status,
        String error,
        long durationMs,
        Instant nextAttemptAt) {
    /** A redelivery asked for and queued (attempt 0). */
    public static final String QUEUED = "queued";

    public static final String DELIVERED = "delivered";
    /** Failed, and tried again at {@code next_attempt_at}. */
    public static final String RETRYING = "retrying";
    /** Failed, and the 24 hours of retries are over. */
    public static final String GAVE_UP = "gave_up";
}
