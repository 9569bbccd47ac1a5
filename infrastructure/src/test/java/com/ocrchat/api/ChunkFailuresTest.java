package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.aws.AwsClients;
import com.ocrchat.aws.Queues;
import com.ocrchat.aws.SqsChunkQueue;
import com.ocrchat.functions.ocr.OcrWorkerHandler;
import com.ocrchat.http.ApiRequest;
import com.ocrchat.http.SubmitForm;
import com.ocrchat.job.Chunk;
import com.ocrchat.job.ChunkWorker;
import com.ocrchat.job.JobLifecycle;
import com.ocrchat.job.JobMetrics;
import com.ocrchat.job.JobPages;
import com.ocrchat.job.JobStatus;
import com.ocrchat.job.JobView;
import com.ocrchat.job.Submissions;
import com.ocrchat.language.Languages;
import com.ocrchat.local.LocalLambdaContext;
import com.ocrchat.local.TestServer;
import com.ocrchat.metering.Meter;
import com.ocrchat.model.ModelSettings;
import com.ocrchat.ocr.EngineSettings;
import com.ocrchat.recognition.Recognizers;
import com.ocrchat.settings.Env;
import com.ocrchat.settings.Limits;
import com.ocrchat.settings.Retention;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.ObjectStore;
import com.ocrchat.store.PageImages;
import com.ocrchat.testing.ForwardingObjectStore;
import com.ocrchat.testing.InMemoryChunkQueue;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import com.ocrchat.testing.WaitUntil;
import com.ocrchat.wiring.Wiring;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Large jobs when workers crash, chunks are redelivered, chunks are poison, pages are corrupt, or jobs get stuck. */
class ChunkFailuresTest {
    private static Wiring wiring;
    private static Env env;
    private static JobPages pages;

    @BeforeAll
    static void setUp() {
        wiring = TestServer.wiring();
        env = wiring.env();
        pages = new JobPages(
                Recognizers.create(
                        EngineSettings.from(TestServer.envWith(Map.of("OCRCHAT_OCR_THREADS", "2"))),
                        ModelSettings.from(env),
                        wiring.stores().settings(),
                        Limits.from(env),
                        new PageImages(wiring.stores().objects())),
                Languages.installedIn(EngineSettings.from(env).tessdata().orElse(null)));
    }

    @Test
    void aWorkerThatDiesMidChunkAndIsRedeliveredStillYieldsEveryPageOnce() {
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 100);
        InMemoryChunkQueue queue = new InMemoryChunkQueue();
        JobView job = submitWithoutWorkers(account, TestDocuments.smallPagesPdf(12), queue);
        List<Chunk> chunks = queue.drain();
        assertEquals(
                List.of(new Chunk(job.uuid(), 0, 4), new Chunk(job.uuid(), 5, 9), new Chunk(job.uuid(), 10, 11)),
                chunks);
        FlakyStore flaky = new FlakyStore(wiring.stores().objects(), BucketLayout.pageResult(job.uuid(), 7));
        ChunkWorker worker =
                new ChunkWorker(wiring.stores().jobs(), wiring.lifecycle(), pages, flaky, queue, JobMetrics.NONE);

        worker.process(chunks.get(0));
        assertThrows(
                IllegalStateException.class, () -> worker.process(chunks.get(1)), "dies after writing pages 5 and 6");
        assertEquals(
                5,
                wiring.stores().jobs().find(job.uuid()).orElseThrow().pagesDone(),
                "an unfinished chunk is not counted");
        worker.process(chunks.get(1));
        worker.process(chunks.get(0));
        worker.process(chunks.get(2));
        worker.process(chunks.get(2));

        JobView done = wiring.jobQueries().view(Caller.of(account.account(), "x"), job.uuid());
        assertEquals(JobStatus.DONE, done.status());
        assertEquals(12, done.pagesDone(), "redelivered chunks are counted once");
        assertEquals(12, done.pages().size());
        for (int i = 0; i < 12; i++) {
            assertEquals(i, done.pages().get(i).index());
            assertTrue(
                    done.pages().get(i).text().contains("Page number " + (i + 1)),
                    done.pages().get(i).text());
        }
        assertEquals(12, done.text().split("\f").length);
        assertTrue(
                wiring.stores().objects().get(BucketLayout.upload(job.uuid())).isEmpty(),
                "the upload is deleted once the job is done");
    }

    @Test
    void aChunkThatAlwaysFailsEndsInFailedWithTheCreditsGivenBackOnce() throws Exception {
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 20);
        Caller caller = Caller.of(account.account(), "x");
        InMemoryChunkQueue queue = new InMemoryChunkQueue();
        JobView job = submitWithoutWorkers(account, TestDocuments.smallPagesPdf(7), queue);
        Meter meter = wiring.meter();
        assertEquals(7, meter.balance(caller).used());
        wiring.stores().objects().delete(BucketLayout.upload(job.uuid())); // every delivery of every chunk now fails

        new SqsChunkQueue(AwsClients.sqs(wiring.stores().settings()), Queues.from(env)).send(queue.drain(), true);

        JobView failed = awaitFinished(caller, job.uuid(), Duration.ofSeconds(120));
        assertEquals(JobStatus.FAILED, failed.status());
        assertTrue(failed.error().contains("could not be processed"), failed.error());
        assertEquals(0, failed.creditsCharged());
        Thread.sleep(3000); // the second dead chunk arrives too; it must not refund again
        assertEquals(0, meter.balance(caller).used());
        assertEquals(20, meter.balance(caller).remaining());
    }

    @Test
    void aChunkThatFailsIsShownAgainWithinSecondsNotAfterTheQueuesVisibilityTimeout() {
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 10);
        JobView job = submitWithoutWorkers(account, TestDocuments.smallPagesPdf(6), new InMemoryChunkQueue());
        wiring.stores().objects().delete(BucketLayout.upload(job.uuid())); // every delivery of its chunk fails
        SqsClient sqs = AwsClients.sqs(wiring.stores().settings());
        String name = "chunks-" + java.util.UUID.randomUUID();
        String url = sqs.createQueue(
                        r -> r.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "120")))
                .queueUrl();
        Wiring worker = TestServer.wiringWith(Map.of("OCRCHAT_JOBS_QUEUE_URL", url, "OCRCHAT_PRIORITY_QUEUE_URL", url));
        new SqsChunkQueue(sqs, Queues.from(worker.env())).send(List.of(new Chunk(job.uuid(), 0, 5)), true);
        Message received = sqs.receiveMessage(r ->
                        r.queueUrl(url).waitTimeSeconds(5).messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages()
                .get(0);
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(received.messageId());
        record.setReceiptHandle(received.receiptHandle());
        record.setBody(received.body());
        record.setAttributes(Map.copyOf(received.attributesAsStrings()));
        record.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:" + name);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));

        SQSBatchResponse answer = new OcrWorkerHandler(worker)
                .handleRequest(event, new LocalLambdaContext("1", "OcrWorkerFunction", 300));

        assertEquals(1, answer.getBatchItemFailures().size());
        // The queue would show it again after 120 s; the worker set its visibility to a sixtieth of that.
        List<Message> again =
                sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)).messages();
        assertEquals(
                List.of(received.messageId()),
                again.stream().map(Message::messageId).toList());
        sqs.deleteQueue(r -> r.queueUrl(url));
        wiring.lifecycle().fail(job.uuid(), "cleaned up by the test");
    }

    @Test
    void aCorruptPageFailsItsJobAtOnceNamingThePageChargingThePagesReadBeforeIt() {
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 20);
        Caller caller = Caller.of(account.account(), "x");
        InMemoryChunkQueue queue = new InMemoryChunkQueue();
        JobView job =
                submitWithoutWorkers(account, TestDocuments.withCorruptPage(TestDocuments.smallPagesPdf(7), 6), queue);
        List<Chunk> chunks = queue.drain();
        JobLifecycle lifecycle = new JobLifecycle(
                wiring.stores().jobs(),
                wiring.stores().objects(),
                JobMetrics.NONE,
                com.ocrchat.job.JobEndListener.NONE,
                Clock.systemUTC());
        ChunkWorker worker = new ChunkWorker(
                wiring.stores().jobs(), lifecycle, pages, wiring.stores().objects(), queue, JobMetrics.NONE);

        worker.process(chunks.get(0));
        worker.process(chunks.get(1)); // pages 6-7: page 6 is corrupt; no exception, so SQS does not retry it

        JobView failed = wiring.jobQueries().view(caller, job.uuid());
        assertEquals(JobStatus.FAILED, failed.status());
        assertTrue(failed.error().startsWith("Page 6 of the PDF is corrupt and cannot be rendered"), failed.error());
        assertTrue(failed.error().endsWith("(charged for the 5 pages read before it)"), failed.error());
        assertEquals(5, failed.creditsCharged());
        assertEquals(15, wiring.meter().balance(caller).remaining(), "the other 2 pages refunded");
        worker.process(chunks.get(1)); // a redelivery finds the job failed and does nothing
        assertEquals(15, wiring.meter().balance(caller).remaining(), "refunded once");
    }

    @Test
    void aJobStuckPastTheTimeoutIsFailedAndRefunded() {
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 10);
        Caller caller = Caller.of(account.account(), "x");
        JobView job = submitWithoutWorkers(account, TestDocuments.smallPagesPdf(6), new InMemoryChunkQueue());
        Duration stuckAfter = Retention.from(env).stuckJobAfter();
        Clock later = Clock.fixed(Instant.now().plus(stuckAfter).plusSeconds(60), ZoneOffset.UTC);

        int failed = new JobLifecycle(
                        wiring.stores().jobs(),
                        wiring.stores().objects(),
                        JobMetrics.NONE,
                        com.ocrchat.job.JobEndListener.NONE,
                        later)
                .failStuck(stuckAfter, new InMemoryChunkQueue()); // nothing waits for a worker

        assertTrue(failed >= 1);
        JobView stuck = wiring.jobQueries().view(caller, job.uuid());
        assertEquals(JobStatus.FAILED, stuck.status());
        assertTrue(
                stuck.error().contains("made no progress for " + stuckAfter.toMinutes() + " minutes"), stuck.error());
        assertEquals(10, wiring.meter().balance(caller).remaining());
    }

    @Test
    void aWorkerOutOfTimeKeepsThePagesItReadAndSendsTheRestBackToItsQueue() {
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 30);
        Caller caller = Caller.of(account.account(), "x");
        List<BufferedImage> scans = new ArrayList<>();
        for (int page = 1; page <= 24; page++) {
            List<String> lines = new ArrayList<>(List.of("Section " + page + " of the report."));
            for (int line = 0; line < 18; line++) {
                lines.add("The committee counted the invoices of the quarter " + line);
            }
            scans.add(TestPages.page("Page " + page, lines));
        }
        InMemoryChunkQueue queue = new InMemoryChunkQueue();
        JobView job = submitWithoutWorkers(account, TestDocuments.scannedPdf(scans), queue);
        queue.drain();
        Chunk whole = new Chunk(job.uuid(), 0, 23); // one chunk of 24 dense pages: several seconds on two threads

        // The worker function given 64 s, of which it keeps 60 back: 4 s of reading (on a loaded machine, 2 s was at
        // times too short for the first page).
        SQSBatchResponse answer = new OcrWorkerHandler(wiring)
                .handleRequest(
                        ApiEvents.chunks(whole),
                        new LocalLambdaContext(java.util.UUID.randomUUID().toString(), "OcrWorkerFunction", 64));

        assertEquals(List.of(), answer.getBatchItemFailures(), "not a failure: the rest is queued again");
        assertEquals(0, wiring.jobQueries().view(caller, job.uuid()).pagesDone(), "counted when all of it is read");
        assertTrue(
                wiring.stores()
                        .objects()
                        .size(BucketLayout.pageResult(job.uuid(), 0))
                        .isPresent(),
                "the pages read are kept");
        // The local event source mapping hands the chunk sent back to a worker, which reads only the rest.
        JobView done = awaitFinished(caller, job.uuid(), Duration.ofSeconds(120));
        assertEquals(JobStatus.DONE, done.status(), done.error());
        assertEquals(24, done.pagesDone());
        assertEquals(24, done.creditsCharged());
        String[] texts = done.text().split("\f");
        for (int page = 1; page <= 24; page++) {
            assertTrue(texts[page - 1].contains("Section " + page + " of the report."), texts[page - 1]);
        }
    }

    /** A large job filed and reserved as POST does, with its chunks kept in {@code queue} instead of SQS. */
    private static JobView submitWithoutWorkers(AccountStore.Created account, byte[] pdf, InMemoryChunkQueue queue) {
        Submissions submissions = TestServer.submissions(pages, queue);
        var event = ApiEvents.submit(account.token(), "203.0.113.70", "doc.pdf", pdf, Map.of());
        Submissions.Submitted submitted = submissions.submit(
                Caller.of(account.account(), "203.0.113.70"),
                SubmitForm.parse(new ApiRequest(event), Limits.from(env).maxFileBytes()));
        assertEquals(JobStatus.PENDING, submitted.job().status(), "202: handed to the workers");
        return submitted.job();
    }

    private static JobView awaitFinished(Caller caller, String uuid, Duration limit) {
        return WaitUntil.value(
                () -> wiring.jobQueries().view(caller, uuid),
                job -> job.status().isFinished(),
                limit);
    }

    /** The real store, except that one write fails the first time, as if the worker died there. */
    private static final class FlakyStore extends ForwardingObjectStore {
        private final String failingKey;
        private final AtomicBoolean failed = new AtomicBoolean();

        FlakyStore(ObjectStore real, String failingKey) {
            super(real);
            this.failingKey = failingKey;
        }

        @Override
        public void put(String key, byte[] bytes, String contentType) {
            if (key.equals(failingKey) && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the worker died while writing " + key);
            }
            super.put(key, bytes, contentType);
        }
    }
}
