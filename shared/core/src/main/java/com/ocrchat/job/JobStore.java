package com.ocrchat.job;

import com.ocrchat.metering.Charge;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Job records, read with strong consistency. The conditional moves ({@link #markProcessing},
 * {@link #finish}, {@link #fail}) succeed for exactly one caller however many race; {@link JobLifecycle}
 * is the only one that calls them.
 */
public interface JobStore {
    /** Files a new job; its uuid must not exist yet. */
    void create(JobRecord job);

    Optional<JobRecord> find(String uuid);

    /**
     * A chunk of the job began at {@code at}: pending -> processing (when its first chunk starts), and the job's last
     * progress (which {@link #unfinishedSince} goes by); a no-op for a finished job.
     */
    void markProcessing(String uuid, Instant at);

    /**
     * A job read inline and handed to the workers: processing -> pending, so that it is seen as queued, its chunks
     * perhaps waiting in a backlog. Only while no chunk of it has begun; a no-op otherwise.
     */
    void markPending(String uuid);

    /**
     * Counts a finished chunk's pages into {@code pages_done}, once per chunk however often it is
     * delivered. Returns the job as it stands after this chunk, whether it was counted now or before.
     */
    JobRecord countChunk(String uuid, String chunkId, int pages);

    /** Stores the job as done, only if it is still pending or processing; false when another writer won. */
    boolean finish(JobRecord done);

    /**
     * Stores the job as failed and gives {@code refund} back, as one write, only if the job is still pending or
     * processing: true for the one caller that did. Both happen or neither, so no failed job is left unrefunded and
     * none is refunded twice; a refund with nobody left to take it (an account closed, a window forgotten) is dropped.
     */
    boolean fail(JobRecord failed, Charge refund);

    /**
     * As {@link #fail}, for a job the sweep found idle: only if no chunk of it has begun since {@code idleSince} either
     * (one that began after the sweep looked is not failed under it).
     */
    boolean failIdle(JobRecord failed, Charge refund, Instant idleSince);

    /**
     * Files the job as failed and gives {@code refund} back, as one write, only if no record of it exists: true when it
     * did; false when the job exists (a filing reported failed had landed after all). Either way a filing still in
     * flight can no longer land beside it.
     */
    boolean failIfAbsent(JobRecord failed, Charge refund);

    /** Remembers why a chunk of the job failed, so that a job SQS gives up on can say why. */
    void noteFailure(String uuid, String message);

    /** What {@link #noteFailure} remembered last, if anything. */
    Optional<String> lastFailure(String uuid);

    /**
     * Jobs still pending or processing that were created before {@code before} and have had no chunk begin since then:
     * a job whose chunks still come (a long one, or one SQS is about to retry) is not stuck, however old.
     */
    List<JobRecord> unfinishedSince(Instant before);

    /** Jobs created after {@code createdAfter} that have ended (done or failed) and have a callback_url. */
    List<JobRecord> endedWithCallbackSince(Instant createdAfter);

    /** The owner's most recent jobs, newest first (may lag a moment behind writes). */
    List<JobRecord> recent(String owner, int limit);
}
