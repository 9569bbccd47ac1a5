package com.ocrchat.settings;

import java.time.Duration;

/** How long a job and everything made from it are kept, and how long it may stay unfinished before the sweep fails it. */
public record Retention(Duration jobs, Duration stuckJobAfter) {

    public static Retention from(Env env) {
        return new Retention(
                Duration.ofDays(env.integer("OCRCHAT_RETENTION_DAYS", 7, 1)),
                Duration.ofMinutes(env.integer("OCRCHAT_STUCK_JOB_MINUTES", 30, 1)));
    }
}
