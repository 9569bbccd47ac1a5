package com.ocrchat.webhook;

import java.time.Instant;
import java.util.List;

/** Every delivery attempt of a job's webhooks, kept as long as the job. */
public interface DeliveryLog {
    void record(String jobUuid, DeliveryAttempt attempt, Instant expiresAt);

    /** The attempts in the order they were made. */
    List<DeliveryAttempt> attempts(String jobUuid);
}
