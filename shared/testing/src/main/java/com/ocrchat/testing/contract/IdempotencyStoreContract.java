package com.ocrchat.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.job.IdempotencyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every IdempotencyStore does: one claim wins however many race, settles, releases, expires. */
public abstract class IdempotencyStoreContract {
    protected abstract IdempotencyStore store();

    @Test
    void ofRacingClaimsExactlyOneWinsAndTheOthersSeeIt() throws Exception {
        String key = "idem#" + UUID.randomUUID();
        Instant later = Instant.now().plusSeconds(3600);
        ExecutorService racers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<IdempotencyStore.Claim>>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(() -> store().claim(key, "hash-a", later));
            }
            long won = 0;
            for (Future<Optional<IdempotencyStore.Claim>> claim : racers.invokeAll(claims)) {
                if (claim.get().isEmpty()) {
                    won++;
                } else {
                    assertEquals("hash-a", claim.get().get().requestHash());
                }
            }
            assertEquals(1, won);
        } finally {
            racers.shutdownNow();
        }
        store().settle(key, "job-1");
        assertEquals(
                Optional.of("job-1"),
                store().claim(key, "hash-b", later).orElseThrow().resultId());
    }

    @Test
    void aReleasedOrExpiredClaimIsFreeAgain() {
        String key = "idem#" + UUID.randomUUID();
        assertTrue(store().claim(key, "h", Instant.now().plusSeconds(3600)).isEmpty());
        store().release(key);
        assertTrue(store().find(key).isEmpty());
        assertTrue(store().claim(key, "h", Instant.now().minusSeconds(5)).isEmpty());
        assertTrue(store().claim(key, "h2", Instant.now().plusSeconds(3600)).isEmpty(), "the expired claim is free");
        assertEquals("h2", store().find(key).orElseThrow().requestHash());
    }
}
