package com.ocrchat.job;

import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys: which request a caller's key was first used for, and the job it filed. A key is claimed by
 * one conditional write, so of two requests racing with the same key exactly one goes on.
 */
public interface IdempotencyStore {
    /** A claimed key: the hash of the request that claimed it, and its job once one was filed. */
    record Claim(String requestHash, Optional<String> jobUuid) {}

    /**
     * Claims {@code key} for the request of {@code requestHash} until {@code expiresAt}: empty when this call
     * claimed it, else the claim that holds it (an expired claim counts as none).
     */
    Optional<Claim> claim(String key, String requestHash, Instant expiresAt);

    /** Records the job the claimed key's request filed. */
    void settle(String key, String jobUuid);

    /** Drops a claim whose request was refused before it filed a job, so that a retry is a new request. */
    void release(String key);

    Optional<Claim> find(String key);
}
