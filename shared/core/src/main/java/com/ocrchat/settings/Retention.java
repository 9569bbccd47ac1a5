package com.ocrchat.settings;

import java.time.Duration;

/**
 * How long a job and everything made from it are kept, and how long an unfinished job may go without a chunk beginning
 * before the sweep fails it: longer than the chunk queues' visibility timeout (30 minutes), after which SQS retries a
 * chunk whose worker died or was stopped (a chunk that failed is retried within minutes).
 */
public record Retention(Duration jobs, Duration stuckJobAfter) {

    public static Retention from(Env env) {
        return new Retention(
                Duration.ofDays(env.integer("OCRCHAT_RETENTION_DAYS", 7, 1)),
                Duration.ofMinutes(env.integer("OCRCHAT_STUCK_JOB_MINUTES", 45, 1)));
    }
}
