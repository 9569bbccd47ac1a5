package com.ocrchat.testing;

import com.ocrchat.job.IdempotencyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Idempotency keys in a map, claimed under a lock. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private record Held(String requestHash, String resultId, Instant expiresAt, Instant claimedAt) {}

    private final Map<String, Held> keys = new HashMap<>();

    @Override
    public synchronized Optional<Claim> claim(String key, String requestHash, Instant expiresAt, Instant staleBefore) {
        Held held = keys.get(key);
        if (held == null
                || held.expiresAt().isBefore(Instant.now())
                || (held.resultId() == null && held.claimedAt().isBefore(staleBefore))) {
            keys.put(key, new Held(requestHash, null, expiresAt, Instant.now()));
            return Optional.empty();
        }
        return find(key);
    }

    @Override
    public synchronized void settle(String key, String resultId) {
        keys.computeIfPresent(
                key, (k, held) -> new Held(held.requestHash(), resultId, held.expiresAt(), held.claimedAt()));
    }

    @Override
    public synchronized void release(String key) {
        keys.remove(key);
    }

    @Override
    public synchronized Optional<Claim> find(String key) {
        return Optional.ofNullable(keys.get(key))
                .map(held -> new Claim(held.requestHash(), Optional.ofNullable(held.resultId())));
    }
}
