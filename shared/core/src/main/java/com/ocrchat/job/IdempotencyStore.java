package com.ocrchat.job;

import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys: which request a caller's key was first used for, and what it made (a job, an upload). A key is claimed by
 * one conditional write, so of two requests racing with the same key exactly one goes on.
 */
public interface IdempotencyStore {
    /** A claimed key: the hash of the request that claimed it, and the id of what it made once it made it. */
    record Claim(String requestHash, Optional<String> resultId) {}

    /**
     * Claims {@code key} for the request of {@code requestHash} until {@code expiresAt}: empty when this call
     * claimed it, else the claim that holds it. An expired claim counts as none, and so does one never settled that
     * was made before {@code staleBefore}: its request died (a function timed out) without a result or a release.
     */
    Optional<Claim> claim(String key, String requestHash, Instant expiresAt, Instant staleBefore);

    /** Records the id of what the claimed key's request made (a job's uuid, an upload's id). */
    void settle(String key, String resultId);

    /** Drops a claim whose request was refused before it filed a job, so that a retry is a new request. */
    void release(String key);

    Optional<Claim> find(String key);
}
