package com.ocrchat.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.auth.Caller;
import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.PaymentRequired;
import com.ocrchat.error.RecognitionFailure;
import com.ocrchat.error.UnsupportedDocument;
import com.ocrchat.settings.JobFlow;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.ObjectStore;
import com.ocrchat.testing.ForwardingJobStore;
import com.ocrchat.testing.ForwardingObjectStore;
import com.ocrchat.testing.TestFlow;
import com.ocrchat.testing.TextDocuments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The job flow from submission to done or failed, on in-memory stores with the do-nothing engine: milliseconds. */
class JobFlowTest {
    private final TestFlow flow = new TestFlow();

    /** The lifecycle over these stores with its clock {@code fromNow} ahead: a sweep run that much later. */
    private static JobLifecycle sweepLater(JobStore jobs, ObjectStore objects, Duration fromNow) {
        return new JobLifecycle(
                jobs,
                objects,
                JobMetrics.NONE,
                JobEndListener.NONE,
                java.time.Clock.offset(java.time.Clock.systemUTC(), fromNow));
    }

    private Submissions.Submitted submit(Caller caller, byte[] document) {
        return flow.submissions.submit(
                caller,
                new SubmitRequest(
                        new JobOptions.Requested(
                                Optional.empty(), Optional.of("en"), Optional.empty(), Optional.empty()),
                        Optional.of(new SubmittedFile("doc.txt", document)),
                        Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty()));
    }

    @Test
    void aShortFileIsReadInlineChargedAndItsFileDeleted() {
        Caller caller = flow.paid(10);
        JobView job = submit(caller, TextDocuments.of("Total: 215.00 USD", "Thank you"))
                .job();

        assertEquals(JobStatus.DONE, job.status());
        assertEquals("Total: 215.00 USD\fThank you", job.text());
        assertEquals(2, job.creditsCharged());
        assertEquals(8, flow.meter.balance(caller).remaining());
        assertTrue(flow.objects.contains(BucketLayout.result(job.uuid())));
        assertTrue(
                !flow.objects.contains(BucketLayout.upload(job.uuid())), "the upload is deleted once the job is done");
        assertEquals(job.text(), flow.queries.view(caller, job.uuid()).text());
    }

    @Test
    void aChunkNotReadInTheWorkersTimeKeepsItsFinishedPagesAndIsQueuedAgainForTheRest() {
        Caller caller = flow.paid(20);
        String uuid = submit(caller, TextDocuments.of("one", "two", TextDocuments.SLOW, "four", "five", "six", "seven"))
                .job()
                .uuid();
        List<Chunk> chunks = flow.queue.drain(true);
        assertEquals(List.of(new Chunk(uuid, 0, 4), new Chunk(uuid, 5, 6)), chunks);

        flow.worker.process(chunks.get(0), Duration.ofSeconds(1)); // page 3 takes 2 s

        assertTrue(flow.objects.contains(BucketLayout.pageResult(uuid, 1)), "the pages finished are kept");
        assertTrue(!flow.objects.contains(BucketLayout.pageResult(uuid, 2)));
        assertEquals(List.of(chunks.get(0)), flow.queue.drain(true), "the chunk is queued again, on its queue");
        JobView waiting = flow.queries.view(caller, uuid);
        assertEquals(JobStatus.PROCESSING, waiting.status());
        assertEquals(0, waiting.pagesDone(), "counted once, when all its pages are read");

        flow.worker.process(chunks.get(0));
        flow.worker.process(chunks.get(1));

        JobView done = flow.queries.view(caller, uuid);
        assertEquals(JobStatus.DONE, done.status());
        assertEquals("one\ftwo\fSLOW\ffour\ffive\fsix\fseven", done.text());
        assertEquals(7, flow.engine.pagesRead(), "no page read twice");
        assertEquals(7, done.creditsCharged());
    }

    @Test
    void aCorruptPageAfterARunOutOfTimeIsChargedThePagesKeptBeforeItToo() {
        Caller caller = flow.paid(20);
        String uuid = submit(
                        caller,
                        TextDocuments.of("one", "two", TextDocuments.SLOW, TextDocuments.CORRUPT, "five", "six"))
                .job()
                .uuid();
        Chunk first = flow.queue.drain(true).get(0);
        flow.worker.process(first, Duration.ofSeconds(1)); // pages 1 and 2 kept, the chunk queued again
        flow.worker.process(flow.queue.drain(true).get(0)); // page 3 read, page 4 corrupt

        JobView failed = flow.queries.view(caller, uuid);
        assertEquals(JobStatus.FAILED, failed.status());
        assertEquals(3, failed.creditsCharged(), "the two pages kept before and the one read in this run");
        assertEquals(17, flow.meter.balance(caller).remaining());
    }

    @Test
    void aJobThatCannotBeRecordedAgainstItsIdempotencyKeyEndsAtOnceRefunded() {
        Caller caller = flow.paid(20);
        java.util.concurrent.atomic.AtomicReference<String> filed = new java.util.concurrent.atomic.AtomicReference<>();
        SubmitRequest request = new SubmitRequest(
                new JobOptions.Requested(Optional.empty(), Optional.of("en"), Optional.empty(), Optional.empty()),
                Optional.of(new SubmittedFile("doc.txt", TextDocuments.of("1", "2", "3", "4", "5", "6"))),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        assertThrows(
                IllegalStateException.class,
                () -> flow.submissions.submit(caller, request, uuid -> {
                    filed.set(uuid);
                    throw new IllegalStateException("DynamoDB answered 500");
                }));

        assertEquals(JobStatus.FAILED, flow.queries.view(caller, filed.get()).status(), "not left for the sweep");
        assertEquals(20, flow.meter.balance(caller).remaining());
        assertEquals(List.of(), flow.queue.drain(), "nothing queued for it");
    }

    @Test
    void aJobEndsAndIsRefundedEvenWhenItsUploadCannotBeDeleted() {
        Caller caller = flow.paid(20);
        String uuid = submit(caller, TextDocuments.of("1", "2", "3", "4", "5", "6"))
                .job()
                .uuid();
        ForwardingObjectStore deletesFail = new ForwardingObjectStore(flow.objects) {
            @Override
            public void delete(String key) {
                throw new IllegalStateException("S3 answered 503");
            }
        };
        JobLifecycle lifecycle = new JobLifecycle(
                flow.jobs, deletesFail, JobMetrics.NONE, JobEndListener.NONE, java.time.Clock.systemUTC());

        assertTrue(lifecycle.fail(uuid, "a fault of ours").isPresent(), "no exception: the job has ended");

        assertEquals(JobStatus.FAILED, flow.queries.view(caller, uuid).status());
        assertEquals(20, flow.meter.balance(caller).remaining());
    }

    @Test
    void aJobWhoseFilingThrowsAfterItLandedGoesOnAsFiledChargedOnce() {
        TestFlow timingOut = new TestFlow(java.time.Clock.systemUTC(), store -> new ForwardingJobStore(store) {
            @Override
            public void create(JobRecord job) {
                super.create(job);
                throw new IllegalStateException("DynamoDB timed out"); // the write landed; the answer was lost
            }
        });
        Caller caller = timingOut.paid(20);

        JobView job = timingOut.submit(caller, "1", "2", "3", "4", "5", "6");

        assertEquals(JobStatus.PENDING, job.status(), "filed after all, and queued");
        assertEquals(14, timingOut.meter.balance(caller).remaining());
        timingOut.queue.drain().forEach(timingOut.worker::process);
        assertEquals(JobStatus.DONE, timingOut.queries.view(caller, job.uuid()).status());
        assertEquals(14, timingOut.meter.balance(caller).remaining(), "charged once");
    }

    @Test
    void aJobWhoseFilingFailsIsFiledFailedWithItsRefundSoThatALateFilingCannotLandAndTheSweepNotRefundAgain() {
        List<JobRecord> lost = new ArrayList<>();
        TestFlow refusing = new TestFlow(java.time.Clock.systemUTC(), store -> new ForwardingJobStore(store) {
            @Override
            public void create(JobRecord job) {
                lost.add(job); // still in flight: it may land later
                throw new IllegalStateException("DynamoDB answered 500");
            }
        });
        Caller caller = refusing.paid(20);

        assertThrows(
                IllegalStateException.class,
                () -> refusing.submissions.submit(
                        caller,
                        new SubmitRequest(
                                new JobOptions.Requested(
                                        Optional.empty(), Optional.of("en"), Optional.empty(), Optional.empty()),
                                Optional.of(
                                        new SubmittedFile("doc.txt", TextDocuments.of("1", "2", "3", "4", "5", "6"))),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("https://example.com/hook"))));

        JobRecord failed = refusing.jobs.find(lost.get(0).uuid()).orElseThrow();
        assertEquals(JobStatus.FAILED, failed.status());
        assertEquals("The job could not be filed", failed.error());
        assertEquals("https://example.com/hook", lost.get(0).callbackUrl());
        assertEquals(null, failed.callbackUrl(), "no webhook for a job whose id its caller never got");
        assertEquals(20, refusing.meter.balance(caller).remaining(), "refunded");
        assertThrows(IllegalStateException.class, () -> refusing.jobs.create(lost.get(0)), "the late filing");
        sweepLater(refusing.jobs, refusing.objects, Duration.ofHours(2))
                .failStuck(Duration.ofMinutes(45), refusing.queue);
        assertEquals(20, refusing.meter.balance(caller).remaining(), "refunded once");
        assertTrue(!refusing.objects.contains(BucketLayout.upload(failed.uuid())), "its file deleted");
    }

    @Test
    void theSweepLeavesAJobWhoseChunkBeganAfterItLooked() {
        Caller caller = flow.paid(20);
        String uuid = submit(caller, TextDocuments.of("1", "2", "3", "4", "5", "6", "7"))
                .job()
                .uuid();
        flow.queue.drain(); // its chunks are not waiting in a backlog either
        java.time.Clock later = java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(2));
        JobStore racing = new ForwardingJobStore(flow.jobs) {
            @Override
            public List<JobRecord> unfinishedSince(java.time.Instant before) {
                List<JobRecord> idle = super.unfinishedSince(before);
                idle.forEach(job -> markProcessing(job.uuid(), later.instant())); // a chunk begins meanwhile
                return idle;
            }
        };

        int failed =
                sweepLater(racing, flow.objects, Duration.ofHours(2)).failStuck(Duration.ofMinutes(45), flow.queue);

        assertEquals(0, failed);
        assertEquals(JobStatus.PROCESSING, flow.queries.view(caller, uuid).status());
    }

    @Test
    void aJobWhoseChunksMayWaitInABacklogIsNotStuckOneWhoseChunksAreLostIs() {
        Caller caller = flow.paid(20);
        String uuid = submit(caller, TextDocuments.of("1", "2", "3", "4", "5", "6", "7"))
                .job()
                .uuid();
        Duration stuckAfter = Duration.ofMinutes(45);
        JobLifecycle sweep = sweepLater(flow.jobs, flow.objects, Duration.ofHours(2));

        assertEquals(0, sweep.failStuck(stuckAfter, flow.queue), "its chunks still wait on the priority queue");
        assertEquals(JobStatus.PENDING, flow.queries.view(caller, uuid).status());

        flow.queue.drain(); // gone, and nothing else waits
        assertEquals(1, sweep.failStuck(stuckAfter, flow.queue));
        assertEquals(JobStatus.FAILED, flow.queries.view(caller, uuid).status());
        assertEquals(20, flow.meter.balance(caller).remaining());
    }

    @Test
    void anInlineJobHandedToTheWorkersWaitsInABacklogAsAQueuedOneDoes() {
        TestFlow shortInline = new TestFlow(
                java.time.Clock.systemUTC(),
                UnaryOperator.identity(),
                UnaryOperator.identity(),
                new JobFlow(5, Duration.ofSeconds(1), 5));
        Caller caller = shortInline.paid(20);
        JobView answered = shortInline.submit(caller, "one", TextDocuments.SLOW, "three"); // page 2 takes 2 s

        assertEquals(JobStatus.PENDING, answered.status(), "handed to the workers");
        assertEquals(
                0,
                sweepLater(shortInline.jobs, shortInline.objects, Duration.ofHours(2))
                        .failStuck(Duration.ofMinutes(45), shortInline.queue),
                "its chunk waits on the priority queue, behind a backlog");

        shortInline.worker.process(shortInline.queue.drain(true).get(0));
        JobView done = shortInline.queries.view(caller, answered.uuid());
        assertEquals(JobStatus.DONE, done.status());
        assertEquals("one\fSLOW\fthree", done.text());
        assertEquals(3, done.creditsCharged());
    }

    @Test
    void noBacklogKeepsAJobPastADayNorAJobThatWasNotQueuedOnFiling() {
        Caller caller = flow.paid(20);
        String queued = submit(caller, TextDocuments.of("1", "2", "3", "4", "5", "6", "7"))
                .job()
                .uuid();
        JobRecord inline = com.ocrchat.testing.TestJobs.unfinished(
                java.util.UUID.randomUUID().toString(),
                caller.owner(),
                JobStatus.PROCESSING, // read inline, whose function died before handing it over
                1,
                com.ocrchat.metering.Charge.ofCredits(caller.accountId(), 0),
                java.time.Instant.now());
        flow.jobs.create(inline);
        assertTrue(flow.queue.hasWaiting(true), "the queued job's chunks wait");
        Duration stuckAfter = Duration.ofMinutes(45);

        assertEquals(1, sweepLater(flow.jobs, flow.objects, Duration.ofHours(2)).failStuck(stuckAfter, flow.queue));
        assertEquals(
                JobStatus.FAILED, flow.jobs.find(inline.uuid()).orElseThrow().status());
        assertEquals(JobStatus.PENDING, flow.queries.view(caller, queued).status());

        assertEquals(
                1, sweepLater(flow.jobs, flow.objects, Duration.ofHours(25)).failStuck(stuckAfter, flow.queue));
        assertEquals(JobStatus.FAILED, flow.queries.view(caller, queued).status(), "a day in a backlog at most");
    }

    @Test
    void pagesDoneNeverShowsMoreThanTheJobHas() {
        Caller caller = flow.paid(20);
        String uuid = submit(caller, TextDocuments.of("1", "2", "3", "4", "5", "6", "7"))
                .job()
                .uuid();
        flow.queue.drain(true).forEach(flow.worker::process);
        flow.jobs.countChunk(uuid, "5-6 again, under another name", 2); // a redelivery counted twice

        JobView done = flow.queries.view(caller, uuid);
        assertEquals(JobStatus.DONE, done.status());
        assertEquals(7, done.pagesDone());
    }

    @Test
    void aJobWhoseRefundCannotBeWrittenStaysUnfailedUntilTheSweepFailsAndRefundsIt() {
        Caller caller = flow.paid(20);
        String uuid = submit(caller, TextDocuments.of("1", "2", "3", "4", "5", "6"))
                .job()
                .uuid();
        flow.ledger.refuseRefunds(true);

        assertThrows(IllegalStateException.class, () -> flow.lifecycle.fail(uuid, "a fault of ours"));

        assertEquals(JobStatus.PENDING, flow.queries.view(caller, uuid).status(), "not failed without its refund");
        assertEquals(14, flow.meter.balance(caller).remaining());
        flow.ledger.refuseRefunds(false);
        flow.queue.drain(); // its chunks lost
        Duration stuckAfter = Duration.ofMinutes(45);
        JobLifecycle sweep = sweepLater(flow.jobs, flow.objects, stuckAfter.plusMinutes(1));
        assertEquals(1, sweep.failStuck(stuckAfter, flow.queue));
        assertEquals(JobStatus.FAILED, flow.queries.view(caller, uuid).status());
        assertEquals(20, flow.meter.balance(caller).remaining(), "refunded with its failure");
        assertEquals(1, flow.ledger.refunds());
    }

    @Test
    void aChunkThatFinishesNoPageInTheWorkersTimeIsRetriedAsOurFaultNotQueuedAgain() {
        Caller caller = flow.paid(20);
        String uuid = submit(caller, TextDocuments.of(TextDocuments.SLOW, "two", "three", "four", "five", "six"))
                .job()
                .uuid();
        List<Chunk> chunks = flow.queue.drain(true);

        RecognitionFailure failure = assertThrows(
                RecognitionFailure.class, () -> flow.worker.process(chunks.get(0), Duration.ofMillis(200)));

        assertEquals("No page of chunk 0-4 was read in the worker's time", failure.getMessage());
        assertEquals(List.of(), flow.queue.drain(), "SQS retries it, and its dead-letter queue ends it");
        assertEquals(JobStatus.PROCESSING, flow.queries.view(caller, uuid).status());
    }

    @Test
    void aLongFileGoesToTheWorkersInChunksAndIsAssembledOnce() {
        Caller caller = flow.paid(20);
        String[] pages = new String[12];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = "Page number " + (i + 1);
        }
        JobView pending = submit(caller, TextDocuments.of(pages)).job();
        assertEquals(JobStatus.PENDING, pending.status());
        List<Chunk> chunks = flow.queue.drain(true);
        assertEquals(3, chunks.size(), "chunks of five pages, on the priority queue for a paid account");

        Collections.reverse(chunks);
        chunks.forEach(flow.worker::process);
        chunks.forEach(flow.worker::process); // redelivered: counted once, assembled once

        JobView done = flow.queries.view(caller, pending.uuid());
        assertEquals(JobStatus.DONE, done.status());
        assertEquals(12, done.pagesDone());
        assertEquals("Page number 12", done.pages().get(11).text());
        assertEquals(12, flow.engine.pagesRead(), "a finished job's redelivered chunks are not read again");
    }

    @Test
    void aFileOfMoreWordsThanAResultHoldsFailsAsTheClientsChargedForEveryPage() {
        Caller caller = flow.paid(20);
        String[] pages = new String[6];
        java.util.Arrays.fill(pages, "a ".repeat(JobPages.MOST_WORDS / 5));
        JobView pending = submit(caller, TextDocuments.of(pages)).job();
        List<Chunk> chunks = flow.queue.drain(true);

        chunks.forEach(flow.worker::process); // no exception: a client's error is not retried

        JobView failed = flow.queries.view(caller, pending.uuid());
        assertEquals(JobStatus.FAILED, failed.status());
        assertTrue(failed.error().contains("(more than 1000000 words by page 6)"), failed.error());
        assertEquals(6, failed.creditsCharged(), "every page was read: the client's file, the client's cost");
        assertEquals(14, flow.meter.balance(caller).remaining());
    }

    @Test
    void aFileOfFewButLongWordsIsRefusedByItsCharacters() {
        Caller caller = flow.paid(20);
        String[] pages = new String[6];
        java.util.Arrays.fill(pages, "x".repeat(JobPages.MOST_CHARACTERS / 5) + " y");
        JobView pending = submit(caller, TextDocuments.of(pages)).job();

        flow.queue.drain(true).forEach(flow.worker::process);

        JobView failed = flow.queries.view(caller, pending.uuid());
        assertEquals(JobStatus.FAILED, failed.status());
        assertTrue(failed.error().contains("(more than 10000000 characters by page 5)"), failed.error());
        assertEquals(6, failed.creditsCharged());
    }

    @Test
    void aCorruptPageFailsTheJobNamingItAfterOneAttemptChargingThePagesReadBeforeIt() {
        Caller caller = flow.paid(20);
        JobView pending = submit(
                        caller, TextDocuments.of("one", "two", "three", "four", "five", TextDocuments.CORRUPT, "seven"))
                .job();
        List<Chunk> chunks = flow.queue.drain(true);

        flow.worker.process(chunks.get(0));
        flow.worker.process(chunks.get(1)); // no exception: a client's error is not retried

        JobView failed = flow.queries.view(caller, pending.uuid());
        assertEquals(JobStatus.FAILED, failed.status());
        assertEquals(
                "Page 6 of the document is corrupt and cannot be read (charged for the 5 pages read before it)",
                failed.error());
        assertEquals(5, failed.creditsCharged(), "pages 1-5 were read: the client's file, the client's cost");
        assertEquals(1, flow.ledger.refunds());
        assertEquals(15, flow.meter.balance(caller).remaining());
        flow.worker.process(chunks.get(1));
        flow.lifecycle.failChunk(chunks.get(1));
        assertEquals(1, flow.ledger.refunds(), "however often the job is failed again, it is refunded once");
    }

    @Test
    void aCorruptPageReadInlineIsTheClientsErrorChargedForThePagesReadBeforeIt() {
        Caller caller = flow.paid(5);
        UnsupportedDocument error = assertThrows(
                UnsupportedDocument.class, () -> submit(caller, TextDocuments.of("one", TextDocuments.CORRUPT)));
        assertEquals(2, error.page().getAsInt());
        assertEquals(1, error.details().get("credits_charged"));
        assertEquals(4, flow.meter.balance(caller).remaining());
        JobView failed = flow.queries.view(caller, (String) error.details().get("job"));
        assertEquals(JobStatus.FAILED, failed.status());
        assertEquals(1, failed.creditsCharged());

        UnsupportedDocument first = assertThrows(
                UnsupportedDocument.class, () -> submit(caller, TextDocuments.of(TextDocuments.CORRUPT, "two")));
        assertEquals(0, first.details().get("credits_charged"), "nothing read, nothing charged");
        assertEquals(4, flow.meter.balance(caller).remaining());
    }

    @Test
    void aFileOverThePlansCapOrTheBalanceIsRefusedBeforeAnythingIsRead() {
        Caller poor = flow.paid(1);
        assertThrows(PaymentRequired.class, () -> submit(poor, TextDocuments.of("one", "two")));
        Caller anonymous = Caller.anonymous("192.0.2.99");
        LimitExceeded cap = assertThrows(
                LimitExceeded.class, () -> submit(anonymous, TextDocuments.of("1", "2", "3", "4", "5", "6")));
        assertEquals(5, cap.details().get("cap"));
        assertEquals(0, flow.engine.pagesRead());
        assertEquals(0, flow.meter.balance(anonymous).used());
    }

    @Test
    void aDeadChunkFailsItsJobSayingWhyAndTheSweepFailsWhatIsStuck() {
        Caller caller = flow.paid(20);
        JobView pending = submit(caller, TextDocuments.of("1", "2", "3", "4", "5", "6", "7"))
                .job();
        Chunk first = flow.queue.drain(true).get(0);
        flow.jobs.noteFailure(pending.uuid(), "The vision model failed on page 2: HTTP 503");

        flow.lifecycle.failChunk(first);

        JobView failed = flow.queries.view(caller, pending.uuid());
        assertEquals("Pages 1-5 could not be processed: The vision model failed on page 2: HTTP 503", failed.error());
        assertEquals(20, flow.meter.balance(caller).remaining());
        assertEquals(0, flow.lifecycle.failStuck(java.time.Duration.ZERO, flow.queue), "a failed job is not stuck");
    }
}
