package com.ocrchat.job;

import java.util.Optional;

/** Job metadata (everything but the recognized content), read with strong consistency. */
public interface JobStore {
    /** Stores a new job; its uuid must not exist yet. */
    void create(Job job);

    Optional<Job> find(String uuid);

    /** Replaces the stored metadata of an existing job. */
    void save(Job job);

    /** pending -> processing (when its first chunk starts); a no-op in any other state. */
    void markProcessing(String uuid);

    /**
     * Counts a finished chunk's pages into {@code pages_done}, once per chunk however often it is
     * delivered. Returns the job as it stands after this chunk, whether it was counted now or before.
     */
    Job countChunk(String uuid, String chunkId, int pages);

    /** Stores the job as done, only if it is still pending or processing; false when another writer won. */
    boolean finish(Job done);

    /** Marks the job failed, only if it is still pending or processing; true for the one caller that did. */
    boolean fail(String uuid, String message, java.time.Instant at);

    /** Remembers why a chunk of the job failed, so that a job SQS gives up on can say why. */
    void noteFailure(String uuid, String message);

    /** What {@link #noteFailure} remembered last, if anything. */
    Optional<String> lastFailure(String uuid);

    /** Jobs still pending or processing that were created before {@code before}. */
    java.util.List<Job> unfinishedSince(java.time.Instant before);

    /** The owner's most recent jobs, newest first (metadata only; may lag a moment behind writes). */
    java.util.List<Job> recent(String owner, int limit);
}
