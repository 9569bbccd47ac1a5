package com.ocrchat.webhook;

import java.time.Instant;

/**
 * One queued delivery of a job's end: {@code webhookId} is the message id receivers deduplicate by (the same for
 * every attempt); {@code attempt} counts from 1 since {@code firstAttemptAt}; the message is not tried before
 * {@code notBefore} (SQS delays a message at most 15 minutes, so a longer wait is several hops).
 */
public record WebhookEvent(
        String webhookId, String jobUuid, int attempt, Instant firstAttemptAt, Instant notBefore, String trigger) {
    public static final String JOB_ENDED = "job_ended";
    public static final String REDELIVERY = "redelivery";

    static WebhookEvent first(String jobUuid, String trigger, Instant now) {
        return new WebhookEvent("msg_" + jobUuid, jobUuid, 1, now, now, trigger);
    }

    WebhookEvent next(Instant notBefore) {
        return new WebhookEvent(webhookId, jobUuid, attempt + 1, firstAttemptAt, notBefore, trigger);
    }
}
