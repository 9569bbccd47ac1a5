package com.ocrchat.job;

import com.ocrchat.metering.Charge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A job as the jobs table keeps it: whose it is, where it stands, what it asked for and what it cost.
 * The recognized content lives beside it in the bucket ({@link JobResult}); the API shows both as a
 * {@link JobView}. Only {@link JobLifecycle} changes a record's status. {@code callbackUrl}: where its end is
 * announced (a webhook), or null.
 */
public record JobRecord(
        String uuid,
        String owner,
        JobStatus status,
        JobOptions options,
        String filename,
        int pageCount,
        int pagesDone,
        Charge charge,
        Instant createdAt,
        Instant completedAt,
        Instant expiresAt,
        String detectedLanguage,
        Double meanConfidence,
        List<String> warnings,
        String error,
        String callbackUrl) {

    public JobRecord {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A new job, filed {@code pending} for the workers or {@code processing} when read inside the request. */
    public static JobRecord accepted(
            String uuid,
            String owner,
            JobOptions options,
            List<String> warnings,
            String filename,
            int pageCount,
            Charge charge,
            boolean queued,
            Instant now,
            Instant expiresAt,
            String callbackUrl) {
        return new JobRecord(
                uuid,
                owner,
                queued ? JobStatus.PENDING : JobStatus.PROCESSING,
                options,
                filename,
                pageCount,
                0,
                charge,
                now,
                null,
                expiresAt,
                null,
                null,
                warnings,
                null,
                callbackUrl);
    }

    public int creditsCharged() {
        return (int) charge.credits();
    }

    /** The record as done with {@code result}; only the lifecycle stores it, through the store's conditional move. */
    public JobRecord done(JobResult result, Instant at) {
        List<String> all = new ArrayList<>(warnings);
        result.warnings().stream().filter(warning -> !all.contains(warning)).forEach(all::add);
        return new JobRecord(
                uuid,
                owner,
                JobStatus.DONE,
                options,
                filename,
                pageCount,
                pageCount,
                charge,
                createdAt,
                at,
                expiresAt,
                result.detectedLanguage(),
                result.meanConfidence(),
                all,
                null,
                callbackUrl);
    }

    /** The record as handed to the workers after an inline start; only the lifecycle stores it. */
    public JobRecord pending() {
        return new JobRecord(
                uuid,
                owner,
                JobStatus.PENDING,
                options,
                filename,
                pageCount,
                pagesDone,
                charge,
                createdAt,
                completedAt,
                expiresAt,
                detectedLanguage,
                meanConfidence,
                warnings,
                error,
                callbackUrl);
    }

    /** The record with no webhook to call: for a job whose caller never learned its id. */
    public JobRecord withoutCallback() {
        return new JobRecord(
                uuid,
                owner,
                status,
                options,
                filename,
                pageCount,
                pagesDone,
                charge,
                createdAt,
                completedAt,
                expiresAt,
                detectedLanguage,
                meanConfidence,
                warnings,
                error,
                null);
    }

    /** The record as failed with nothing charged; only the lifecycle stores it, through the store's conditional move. */
    public JobRecord failed(String message, Instant at) {
        return failed(message, at, 0);
    }

    /** The record as failed with {@code creditsKept} of its charge kept (pages the client's file had read). */
    public JobRecord failed(String message, Instant at, long creditsKept) {
        return new JobRecord(
                uuid,
                owner,
                JobStatus.FAILED,
                options,
                filename,
                pageCount,
                pagesDone,
                new Charge(charge.accountId(), charge.window(), creditsKept),
                createdAt,
                at,
                expiresAt,
                detectedLanguage,
                null,
                warnings,
                message,
                callbackUrl);
    }
}
