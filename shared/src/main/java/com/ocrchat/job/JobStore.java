package com.ocrchat.job;

import java.util.Optional;

/** Job metadata (everything but the recognized content), read with strong consistency. */
public interface JobStore {
    /** Stores a new job; its uuid must not exist yet. */
    void create(Job job);

    Optional<Job> find(String uuid);

    /** Replaces the stored metadata of an existing job. */
    void save(Job job);

    /** The owner's most recent jobs, newest first (metadata only; may lag a moment behind writes). */
    java.util.List<Job> recent(String owner, int limit);
}
