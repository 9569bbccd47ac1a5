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
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    protected abstract IdempotencyStore store();

    @Test
    void ofRacingClaimsExactlyOneWinsAndTheOthersSeeIt() throws Exception {
        String key = "idem#" + UUID.randomUUID();
        Instant later = Instant.now().plusSeconds(3600);
        ExecutorService racers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<IdempotencyStore.Claim>>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(() -> store().claim(key, "hash-a", later, LONG_AGO));
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
                store().claim(key, "hash-b", later, LONG_AGO).orElseThrow().resultId());
    }

    @Test
    void aReleasedOrExpiredClaimIsFreeAgain() {
        String key = "idem#" + UUID.randomUUID();
        assertTrue(store().claim(key, "h", Instant.now().plusSeconds(3600), LONG_AGO)
                .isEmpty());
        store().release(key);
        assertTrue(store().find(key).isEmpty());
        assertTrue(
                store().claim(key, "h", Instant.now().minusSeconds(5), LONG_AGO).isEmpty());
        assertTrue(
                store().claim(key, "h2", Instant.now().plusSeconds(3600), LONG_AGO)
                        .isEmpty(),
                "the expired claim is free");
        assertEquals("h2", store().find(key).orElseThrow().requestHash());
    }

    @Test
    void aClaimThatMadeNothingBeforeItsLeaseIsTakenOverOneThatMadeSomethingIsNot() throws Exception {
        String key = "idem#" + UUID.randomUUID();
        Instant later = Instant.now().plusSeconds(3600);
        assertTrue(store().claim(key, "h", later, LONG_AGO).isEmpty());
        assertEquals("h", store().claim(key, "h", later, LONG_AGO).orElseThrow().requestHash(), "still leased");
        Thread.sleep(20);
        assertTrue(store().claim(key, "h", later, Instant.now()).isEmpty(), "its request died: taken over");
        store().settle(key, "job-9");
        Thread.sleep(20);
        assertEquals(
                Optional.of("job-9"),
                store().claim(key, "h", later, Instant.now()).orElseThrow().resultId(),
                "a settled claim stands however old");
    }
}
