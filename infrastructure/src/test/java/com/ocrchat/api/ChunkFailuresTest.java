package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.Application;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.http.ApiRequest;
import com.ocrchat.http.MultipartForm;
import com.ocrchat.job.Chunk;
import com.ocrchat.job.ChunkWorker;
import com.ocrchat.job.DynamoJobStore;
import com.ocrchat.job.Job;
import com.ocrchat.job.JobKeys;
import com.ocrchat.job.JobService;
import com.ocrchat.job.Recognizer;
import com.ocrchat.tools.Tools;
import com.ocrchat.job.JobStatus;
import com.ocrchat.job.SqsChunkQueue;
import com.ocrchat.local.TestServer;
import com.ocrchat.ocr.Languages;
import com.ocrchat.ocr.OcrPipeline;
import com.ocrchat.ocr.TesseractEngine;
import com.ocrchat.settings.Settings;
import com.ocrchat.store.AwsClients;
import com.ocrchat.store.ObjectStore;
import com.ocrchat.store.S3ObjectStore;
import com.ocrchat.testing.TestDocuments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Large jobs when workers crash, chunks are redelivered, chunks are poison, or jobs get stuck. */
class ChunkFailuresTest {
    private static Application application;
    private static Settings settings;
    private static S3ObjectStore objects;
    private static DynamoJobStore jobStore;
    private static Recognizer recognizer;
    private static Languages languages;

    @BeforeAll
    static void setUp() {
        application = TestServer.application();
        settings = application.settings;
        objects = new S3ObjectStore(AwsClients.s3(settings), AwsClients.s3Presigner(settings), settings.bucket);
        jobStore = new DynamoJobStore(AwsClients.dynamo(settings), settings.jobsTable);
        recognizer = new Recognizer(new OcrPipeline(new TesseractEngine(settings.tessdata.orElse(null)), 2), Optional.empty(), Optional.empty(), 1);
        languages = Languages.installedIn(settings.tessdata.orElse(null));
    }

    @Test
    void aWorkerThatDiesMidChunkAndIsRedeliveredStillYieldsEveryPageOnce() {
        AccountStore.Created account = application.accounts.create(Plan.PAID, 100);
        List<Chunk> chunks = new ArrayList<>();
        Job job = submitWithoutWorkers(account, TestDocuments.smallPagesPdf(12), chunks);
        assertEquals(List.of(new Chunk(job.uuid(), 0, 4), new Chunk(job.uuid(), 5, 9), new Chunk(job.uuid(), 10, 11)), chunks);
        FlakyStore flaky = new FlakyStore(objects, JobKeys.pageResult(job.uuid(), 7));
        ChunkWorker worker = new ChunkWorker(settings, flaky, jobStore, recognizer, languages, application.meter, Clock.systemUTC());

        worker.process(chunks.get(0));
        assertThrows(IllegalStateException.class, () -> worker.process(chunks.get(1)), "dies after writing pages 5 and 6");
        assertEquals(5, jobStore.find(job.uuid()).orElseThrow().pagesDone(), "an unfinished chunk is not counted");
        worker.process(chunks.get(1));
        worker.process(chunks.get(0));
        worker.process(chunks.get(2));
        worker.process(chunks.get(2));

        Job done = application.jobs.get(Caller.of(account.account(), "x"), job.uuid());
        assertEquals(JobStatus.DONE, done.status());
        assertEquals(12, done.pagesDone(), "redelivered chunks are counted once");
        assertEquals(12, done.pages().size());
        for (int i = 0; i < 12; i++) {
            assertEquals(i, done.pages().get(i).index());
            assertTrue(done.pages().get(i).text().contains("Page number " + (i + 1)), done.pages().get(i).text());
        }
        assertEquals(12, done.text().split("\f").length);
        assertTrue(objects.get(JobKeys.upload(job.uuid())).isEmpty(), "the upload is deleted once the job is done");
    }

    @Test
    void aChunkThatAlwaysFailsEndsInFailedWithTheCreditsGivenBackOnce() throws Exception {
        AccountStore.Created account = application.accounts.create(Plan.PAID, 20);
        Caller caller = Caller.of(account.account(), "x");
        List<Chunk> chunks = new ArrayList<>();
        Job job = submitWithoutWorkers(account, TestDocuments.smallPagesPdf(7), chunks);
        assertEquals(7, application.meter.balance(caller).used());
        objects.delete(JobKeys.upload(job.uuid()));   // every delivery of every chunk now fails

        new SqsChunkQueue(AwsClients.sqs(settings), settings.jobsQueueUrl.orElseThrow(), settings.priorityQueueUrl.orElseThrow())
                .send(chunks, true);

        Job failed = awaitFinished(caller, job.uuid(), Duration.ofSeconds(120));
        assertEquals(JobStatus.FAILED, failed.status());
        assertTrue(failed.error().contains("could not be processed"), failed.error());
        assertEquals(0, failed.creditsCharged());
        Thread.sleep(3000); // the second dead chunk arrives too; it must not refund again
        assertEquals(0, application.meter.balance(caller).used());
        assertEquals(20, application.meter.balance(caller).remaining());
    }

    @Test
    void aJobStuckPastTheTimeoutIsFailedAndRefunded() {
        AccountStore.Created account = application.accounts.create(Plan.PAID, 10);
        Caller caller = Caller.of(account.account(), "x");
        Job job = submitWithoutWorkers(account, TestDocuments.smallPagesPdf(6), new ArrayList<>());
        Clock later = Clock.fixed(Instant.now().plus(settings.stuckJobAfter).plusSeconds(60), ZoneOffset.UTC);

        int failed = new ChunkWorker(settings, objects, jobStore, recognizer, languages, application.meter, later).failStuck();

        assertTrue(failed >= 1);
        Job stuck = application.jobs.get(caller, job.uuid());
        assertEquals(JobStatus.FAILED, stuck.status());
        assertTrue(stuck.error().contains("did not finish within " + settings.stuckJobAfter.toMinutes() + " minutes"));
        assertEquals(10, application.meter.balance(caller).remaining());
    }

    /** A large job filed and reserved as POST does, with its chunks kept here instead of queued. */
    private static Job submitWithoutWorkers(AccountStore.Created account, byte[] pdf, List<Chunk> chunks) {
        JobService service = new JobService(settings, objects, jobStore, recognizer, new Tools(false, false), languages, application.meter,
                (sent, priority) -> chunks.addAll(sent), application.uploads, Clock.systemUTC());
        var event = ApiEvents.submit(account.token(), "203.0.113.70", "doc.pdf", pdf, Map.of());
        JobService.Submitted submitted = service.submit(Caller.of(account.account(), "203.0.113.70"),
                MultipartForm.parse(new ApiRequest(event), settings.maxFileBytes));
        assertEquals(202, submitted.status());
        return submitted.job();
    }

    private static Job awaitFinished(Caller caller, String uuid, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        Job job = application.jobs.get(caller, uuid);
        while (!job.status().isFinished() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            job = application.jobs.get(caller, uuid);
        }
        return job;
    }

    /** The real store, except that one write fails the first time, as if the worker died there. */
    private static final class FlakyStore implements ObjectStore {
        private final ObjectStore real;
        private final String failingKey;
        private final AtomicBoolean failed = new AtomicBoolean();

        FlakyStore(ObjectStore real, String failingKey) {
            this.real = real;
            this.failingKey = failingKey;
        }

        @Override
        public void put(String key, byte[] bytes, String contentType) {
            if (key.equals(failingKey) && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the worker died while writing " + key);
            }
            real.put(key, bytes, contentType);
        }

        @Override
        public Optional<byte[]> get(String key) {
            return real.get(key);
        }

        @Override
        public void delete(String key) {
            real.delete(key);
        }

        @Override
        public Optional<Long> size(String key) {
            return real.size(key);
        }

        @Override
        public String presignedGet(String key, Duration lifetime, String filename, String contentType) {
            return real.presignedGet(key, lifetime, filename, contentType);
        }

        @Override
        public String presignedPut(String key, Duration lifetime) {
            return real.presignedPut(key, lifetime);
        }
    }
}
