package com.ocrchat.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobResult;
import com.ocrchat.job.JobStatus;
import com.ocrchat.job.JobStore;
import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.metering.Charge;
import com.ocrchat.metering.Window;
import com.ocrchat.testing.TestJobs;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every job store promises, whatever keeps the records: a subclass gives the store. */
public abstract class JobStoreContract {
    private final List<JobRecord> filed = new ArrayList<>();

    protected abstract JobStore store();

    /** The balances the store's failed jobs are refunded to. */
    protected abstract BalanceLedger ledger();

    /** Nothing to give back (a failure of ours before anything was reserved, or all of it kept). */
    private static final Charge NO_REFUND = Charge.ofCredits("acct", 0);

    /** A fresh anonymous day's count with {@code pages} counted on it, as a job's reservation leaves it. */
    private Window countedWindow(long pages) {
        Window window = Window.day(Window.Kind.ANONYMOUS_PAGES, "203.0.113." + UUID.randomUUID(), Instant.now());
        assertTrue(ledger().count(window, pages, 100));
        return window;
    }

    /** An unfinished job, failed again after the test so that a shared store is left with nothing unfinished. */
    private JobRecord unfinished(JobStatus status, String owner, Instant createdAt) {
        JobRecord job = TestJobs.unfinished(
                UUID.randomUUID().toString(), owner, status, 12, Charge.ofCredits("acct", 12), createdAt);
        filed.add(job);
        return job;
    }

    @AfterEach
    void finishWhatWasFiled() {
        for (JobRecord job : filed) {
            store().fail(
                            job.failed(
                                    "cleaned up by the contract test",
                                    Instant.now().truncatedTo(ChronoUnit.SECONDS)),
                            NO_REFUND);
        }
    }

    @Test
    void aJobIsFiledOnceAndReadBackAsItWasFiled() {
        JobRecord job = unfinished(
                JobStatus.PENDING, "account#" + UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        store().create(job);
        assertEquals(job, store().find(job.uuid()).orElseThrow());
        assertThrows(RuntimeException.class, () -> store().create(job), "a uuid is filed once");
        assertTrue(store().find(UUID.randomUUID().toString()).isEmpty());
    }

    @Test
    void chunksAreCountedOnceHoweverOftenTheyAreDelivered() {
        JobRecord job = unfinished(JobStatus.PENDING, "account#" + UUID.randomUUID(), Instant.now());
        store().create(job);
        store().markProcessing(job.uuid(), Instant.now());
        assertEquals(5, store().countChunk(job.uuid(), "0-4", 5).pagesDone());
        assertEquals(
                5, store().countChunk(job.uuid(), "0-4", 5).pagesDone(), "a redelivered chunk is not counted again");
        JobRecord counted = store().countChunk(job.uuid(), "5-9", 5);
        assertEquals(10, counted.pagesDone());
        assertEquals(JobStatus.PROCESSING, counted.status());
    }

    @Test
    void anInlineJobHandedToTheWorkersIsPendingAgainUntilAChunkOfItBegins() {
        JobRecord job = unfinished(JobStatus.PROCESSING, "account#" + UUID.randomUUID(), Instant.now());
        store().create(job);
        store().markPending(job.uuid());
        assertEquals(JobStatus.PENDING, store().find(job.uuid()).get().status());
        store().markProcessing(job.uuid(), Instant.now()); // a chunk began: no longer the inline reader's to hand over
        store().markPending(job.uuid());
        assertEquals(JobStatus.PROCESSING, store().find(job.uuid()).get().status());
    }

    @Test
    void ofRacingWritersExactlyOneFinishesOrFailsAJob() throws Exception {
        JobRecord job = unfinished(JobStatus.PENDING, "account#" + UUID.randomUUID(), Instant.now());
        store().create(job);
        JobRecord done = job.done(
                new JobResult("", "", List.of(), 0.9, "en", null, List.of()),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        JobRecord failed = job.failed("a test failed it", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Window window = countedWindow(12);
        Charge refund = Charge.ofWindow(window, 12);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> moves = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                moves.add(i % 2 == 0 ? () -> store().finish(done) : () -> store().fail(failed, refund));
            }
            long winners = writers.invokeAll(moves).stream()
                    .filter(result -> {
                        try {
                            return result.get();
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    })
                    .count();
            assertEquals(1, winners);
        } finally {
            writers.shutdown();
        }
        JobStatus status = store().find(job.uuid()).orElseThrow().status();
        assertTrue(status.isFinished());
        assertEquals(status == JobStatus.FAILED ? 0 : 12, ledger().counted(window), "refunded once if it failed");
        assertFalse(store().fail(failed, refund), "a finished job stays as it finished");
        assertEquals(status == JobStatus.FAILED ? 0 : 12, ledger().counted(window), "and is not refunded again");
    }

    @Test
    void aFailedJobKeepsItsReasonAndChargesNothing() {
        JobRecord job = unfinished(JobStatus.PENDING, "account#" + UUID.randomUUID(), Instant.now());
        store().create(job);
        JobRecord failed =
                job.failed("Page 6 of the PDF is corrupt", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        assertTrue(store().fail(failed, NO_REFUND));
        JobRecord read = store().find(job.uuid()).orElseThrow();
        assertEquals(JobStatus.FAILED, read.status());
        assertEquals("Page 6 of the PDF is corrupt", read.error());
        assertEquals(0, read.creditsCharged());
        assertEquals(job.owner(), read.owner());
    }

    @Test
    void aJobFailedByTheClientsFileKeepsWhatItsReadPagesCost() {
        JobRecord job = unfinished(JobStatus.PENDING, "account#" + UUID.randomUUID(), Instant.now());
        store().create(job);
        Window window = countedWindow(12);
        assertTrue(store().fail(
                        job.failed("Page 6 is corrupt", Instant.now().truncatedTo(ChronoUnit.SECONDS), 5),
                        Charge.ofWindow(window, 7)));
        assertEquals(5, store().find(job.uuid()).orElseThrow().creditsCharged());
        assertEquals(5, ledger().counted(window), "the 7 pages not read given back with the failure");
    }

    @Test
    void theSweepFailsAJobOnlyIfNoChunkOfItHasBegunSinceItLooked() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JobRecord never = unfinished(JobStatus.PENDING, "account#" + UUID.randomUUID(), now.minusSeconds(7200));
        JobRecord begun = unfinished(JobStatus.PENDING, "account#" + UUID.randomUUID(), now.minusSeconds(7200));
        store().create(never);
        store().create(begun);
        store().markProcessing(begun.uuid(), now); // a chunk began after the sweep found the job idle for an hour

        assertTrue(store().failIdle(never.failed("idle", now), NO_REFUND, now.minusSeconds(3600)));
        assertFalse(store().failIdle(begun.failed("idle", now), NO_REFUND, now.minusSeconds(3600)));
        assertEquals(
                JobStatus.PROCESSING, store().find(begun.uuid()).orElseThrow().status());
        assertTrue(
                store().failIdle(begun.failed("idle", now), NO_REFUND, now.plusSeconds(60)),
                "idle since before its chunk began");
    }

    @Test
    void aJobIsFiledFailedWithItsRefundOnlyIfNoRecordOfItExists() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JobRecord filed = unfinished(JobStatus.PENDING, "account#" + UUID.randomUUID(), now);
        store().create(filed);
        Window window = countedWindow(12);

        assertFalse(store().failIfAbsent(filed.failed("could not be filed", now), Charge.ofWindow(window, 12)));
        assertEquals(JobStatus.PENDING, store().find(filed.uuid()).orElseThrow().status());
        assertEquals(12, ledger().counted(window), "nothing given back for a job that exists");

        JobRecord lost = unfinished(JobStatus.PENDING, "account#" + UUID.randomUUID(), now);
        assertTrue(store().failIfAbsent(lost.failed("could not be filed", now), Charge.ofWindow(window, 12)));
        assertEquals(JobStatus.FAILED, store().find(lost.uuid()).orElseThrow().status());
        assertEquals(0, ledger().counted(window));
        assertThrows(RuntimeException.class, () -> store().create(lost), "a filing landing late is refused");
        assertFalse(store().failIfAbsent(lost.failed("could not be filed", now), Charge.ofWindow(window, 12)));
        assertEquals(0, ledger().counted(window), "refunded once");
    }

    @Test
    void aRefundWithNobodyToTakeItStillFailsTheJob() {
        JobRecord job = unfinished(JobStatus.PENDING, "account#" + UUID.randomUUID(), Instant.now());
        store().create(job);
        Window forgotten = Window.day(Window.Kind.ANONYMOUS_PAGES, "203.0.113." + UUID.randomUUID(), Instant.now());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertTrue(store().fail(job.failed("a fault of ours", now), Charge.ofWindow(forgotten, 12)));
        assertEquals(JobStatus.FAILED, store().find(job.uuid()).orElseThrow().status());
        assertEquals(0, ledger().counted(forgotten), "no count is made up to take the refund");
        JobRecord other = unfinished(JobStatus.PENDING, "account#" + UUID.randomUUID(), Instant.now());
        store().create(other);
        assertTrue(store().fail(other.failed("a fault of ours", now), Charge.ofCredits("no-such-account", 12)));
        assertEquals(JobStatus.FAILED, store().find(other.uuid()).orElseThrow().status());
    }

    @Test
    void theLastFailureOfAChunkIsRemembered() {
        JobRecord job = unfinished(JobStatus.PENDING, "account#" + UUID.randomUUID(), Instant.now());
        store().create(job);
        assertTrue(store().lastFailure(job.uuid()).isEmpty());
        store().noteFailure(job.uuid(), "the model timed out");
        store().noteFailure(job.uuid(), "the model answered 503");
        assertEquals("the model answered 503", store().lastFailure(job.uuid()).orElseThrow());
    }

    @Test
    void unfinishedJobsAreFoundByAgeAndAnOwnersJobsNewestFirst() {
        String owner = "account#" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JobRecord old = unfinished(JobStatus.PENDING, owner, now.minusSeconds(7200));
        JobRecord fresh = unfinished(JobStatus.PENDING, owner, now);
        store().create(old);
        store().create(fresh);
        List<String> stuck = store().unfinishedSince(now.minusSeconds(3600)).stream()
                .map(JobRecord::uuid)
                .toList();
        assertTrue(stuck.contains(old.uuid()));
        assertFalse(stuck.contains(fresh.uuid()));
        store().markProcessing(old.uuid(), now.minusSeconds(60)); // a chunk of it began a minute ago
        assertFalse(
                store().unfinishedSince(now.minusSeconds(3600)).stream()
                        .map(JobRecord::uuid)
                        .toList()
                        .contains(old.uuid()),
                "an old job whose chunks still come is not stuck");
        assertEquals(
                List.of(fresh.uuid(), old.uuid()),
                store().recent(owner, 10).stream().map(JobRecord::uuid).toList());
    }

    @Test
    void endedJobsWithACallbackAreFoundForTheWebhookSweep() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JobRecord plain = unfinished(JobStatus.PENDING, "account#sweep", now);
        JobRecord unfinished = unfinished(JobStatus.PENDING, "account#sweep", now);
        JobRecord hooked = unfinished(JobStatus.PENDING, "account#sweep", now);
        JobRecord withCallback = new JobRecord(
                hooked.uuid(),
                hooked.owner(),
                hooked.status(),
                hooked.options(),
                hooked.filename(),
                hooked.pageCount(),
                hooked.pagesDone(),
                hooked.charge(),
                hooked.createdAt(),
                hooked.completedAt(),
                hooked.expiresAt(),
                null,
                null,
                List.of(),
                null,
                "https://example.com/hook");
        JobRecord waiting = new JobRecord(
                unfinished.uuid(),
                unfinished.owner(),
                unfinished.status(),
                unfinished.options(),
                unfinished.filename(),
                unfinished.pageCount(),
                0,
                unfinished.charge(),
                unfinished.createdAt(),
                null,
                unfinished.expiresAt(),
                null,
                null,
                List.of(),
                null,
                "https://example.com/hook");
        store().create(plain);
        store().create(withCallback);
        store().create(waiting);
        assertTrue(store().fail(plain.failed("no", now), NO_REFUND));
        assertTrue(store().fail(withCallback.failed("no", now), NO_REFUND));
        List<String> found = store().endedWithCallbackSince(now.minusSeconds(60)).stream()
                .map(JobRecord::uuid)
                .toList();
        assertEquals(List.of(withCallback.uuid()), found);
        assertTrue(store().endedWithCallbackSince(now.plusSeconds(60)).isEmpty());
    }
}
