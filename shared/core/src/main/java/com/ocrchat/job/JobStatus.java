package com.ocrchat.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/**
 * Where a job stands: pending (filed, waiting for a worker) -> processing (being read) -> done or failed; pending ->
 * failed too; and processing -> pending once, for a job read inline and handed to the workers before any chunk of it
 * began. Only {@link JobLifecycle} moves it.
 */
public enum JobStatus {
    PENDING,
    PROCESSING,
    DONE,
    FAILED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    public boolean isFinished() {
        return this == DONE || this == FAILED;
    }

    /** The moves the state machine allows. */
    public boolean canMoveTo(JobStatus next) {
        return switch (this) {
            case PENDING -> Set.of(PROCESSING, DONE, FAILED).contains(next);
            case PROCESSING -> Set.of(PENDING, DONE, FAILED).contains(next);
            case DONE, FAILED -> false;
        };
    }
}
