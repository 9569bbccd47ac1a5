package com.ocrchat.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.api.ApiEvents;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Plan;
import com.ocrchat.aws.AwsClients;
import com.ocrchat.job.Chunk;
import com.ocrchat.job.JobStatus;
import com.ocrchat.json.Json;
import com.ocrchat.local.ImageReplay;
import com.ocrchat.local.SamTemplate;
import com.ocrchat.local.TestServer;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.PageImages;
import com.ocrchat.testing.TestDocuments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The OCR image as Lambda runs it, without Docker: its root filesystem replayed from its own Dockerfile
 * ({@link ImageReplay}; the language models narrowed by the TESSERACT_LANGUAGES build argument, from the
 * {@code ocrchat.image.languages} property), its entry point run in that root against a Runtime API
 * emulator for each image function of template.yaml, against the embedded AWS services. Needs root.
 * ./ocrchat deploy-check runs it and reports the cold start it measures.
 */
@Tag("artifact")
class ImageArtifactTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String IP = "203.0.113.160";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private static ImageReplay.Image image;
    private static Map<String, SamTemplate.ImageFunction> functions;
    private static AccountStore.Created account;
    private static String queue;
    private static SqsClient sqs;

    @BeforeAll
    static void replay() throws Exception {
        Path root = TestServer.repositoryRoot();
        functions = SamTemplate.read(root.resolve("template.yaml")).imageFunctions();
        String dockerfile = functions.values().iterator().next().dockerfile();
        long started = System.nanoTime();
        image = ImageReplay.build(
                root.resolve(dockerfile),
                root,
                Map.of("TESSERACT_LANGUAGES", System.getProperty("ocrchat.image.languages", "tesseract-ocr-eng")),
                Path.of(System.getProperty("ocrchat.image.cache", "/var/cache/ocrchat")));
        report("replay", "image root ready in %.1f s (%s)", (System.nanoTime() - started) / 1e9, image.root());
        account = TestServer.stores().accounts().create(Plan.PAID, 100);
        sqs = AwsClients.sqs(TestServer.stores().settings());
        queue = sqs.createQueue(r -> r.queueName("image-chunks-" + System.nanoTime()))
                .queueUrl();
    }

    @Test
    void theSubmitFunctionReadsATwoPagePdfInline() throws Exception {
        byte[] pdf = TestDocuments.scannedPdf(List.of(
                com.ocrchat.testing.TestPages.invoiceImage(),
                com.ocrchat.testing.TestPages.page("Minutes", List.of("The board approved the budget for 2027."))));
        long started = System.nanoTime();
        try (LambdaRuntime runtime = start("SubmitOcrFunction")) {
            double init = (System.nanoTime() - started) / 1e9;
            long invoked = System.nanoTime();
            JsonNode job = body(
                    runtime.invoke(
                            ApiEvents.submit(account.token(), IP, "scan.pdf", pdf, Map.of("language", "en")), TIMEOUT),
                    200);
            report(
                    "cold-start",
                    "SubmitOcrFunction: runtime ready %.1f s after start; the first job (2 scanned pages) answered in %.1f s",
                    init,
                    (System.nanoTime() - invoked) / 1e9);
            assertEquals("done", job.get("status").asText(), job.toString());
            assertEquals(2, job.get("page_count").asInt());
            assertTrue(
                    job.get("text").asText().contains("Total: 215.00 USD"),
                    job.get("text").asText());
            assertTrue(
                    job.get("text").asText().contains("budget for 2027"),
                    job.get("text").asText());
            byte[] grey = pageImage(job, 0);
            assertTrue((grey[0] & 0xFF) == 0xFF && (grey[1] & 0xFF) == 0xD8, "a grey page is kept as a JPEG");

            // A black-and-white scan: its page is kept as G4 by the image's own JRE (its TIFF writer).
            JsonNode fax = body(
                    runtime.invoke(
                            ApiEvents.submit(
                                    account.token(),
                                    IP,
                                    "fax.pdf",
                                    com.ocrchat.testing.BilevelScans.pdf(
                                            List.of(com.ocrchat.testing.TestPages.page(
                                                    "Minutes", List.of("The board approved the budget for 2027."))),
                                            150),
                                    Map.of("language", "en")),
                            TIMEOUT),
                    200);
            assertTrue(
                    fax.get("text").asText().contains("budget for 2027"),
                    fax.get("text").asText());
            assertEquals("image/tiff", PageImages.mediaType(pageImage(fax, 0)), "a bilevel page is kept as G4");
        }
    }

    private static byte[] pageImage(JsonNode job, int page) {
        return new PageImages(TestServer.stores().objects())
                .image(job.get("uuid").asText(), page)
                .orElseThrow();
    }

    @Test
    void theWorkerFinishesAChunkOfASevenPageJobAndReportsAPoisonChunk() throws Exception {
        String uuid;
        try (LambdaRuntime submit = start("SubmitOcrFunction")) {
            JsonNode pending = body(
                    submit.invoke(
                            ApiEvents.submit(
                                    account.token(), IP, "pages.pdf", TestDocuments.smallPagesPdf(7), Map.of()),
                            TIMEOUT),
                    202);
            uuid = pending.get("uuid").asText();
        }
        List<Chunk> chunks = take(2);
        try (LambdaRuntime worker = start("OcrWorkerFunction")) {
            JsonNode first = worker.invoke(ApiEvents.sqsBatchJson(chunks.get(0)), TIMEOUT);
            assertEquals(0, first.get("batchItemFailures").size(), first.toString());
            assertEquals(
                    5,
                    TestServer.stores().jobs().find(uuid).orElseThrow().pagesDone(),
                    "the chunk's five pages are counted");
            JsonNode second = worker.invoke(ApiEvents.sqsBatchJson(chunks.get(1)), TIMEOUT);
            assertEquals(0, second.get("batchItemFailures").size(), second.toString());
            assertEquals(
                    JobStatus.DONE,
                    TestServer.stores().jobs().find(uuid).orElseThrow().status());

            String poisoned = poisonedJob();
            String batch = ApiEvents.sqsBatchJson(new Chunk(poisoned, 0, 4));
            JsonNode poison = worker.invoke(batch, TIMEOUT);
            assertEquals(
                    MAPPER.readTree(batch)
                            .get("Records")
                            .get(0)
                            .get("messageId")
                            .asText(),
                    poison.get("batchItemFailures").get(0).get("itemIdentifier").asText(),
                    "reported for SQS to retry");
        }
    }

    /** A queued job whose file has gone: every delivery of its chunks fails on our side. */
    private static String poisonedJob() throws Exception {
        try (LambdaRuntime submit = start("SubmitOcrFunction")) {
            String uuid = body(
                            submit.invoke(
                                    ApiEvents.submit(
                                            account.token(), IP, "gone.pdf", TestDocuments.smallPagesPdf(6), Map.of()),
                                    TIMEOUT),
                            202)
                    .get("uuid")
                    .asText();
            take(2);
            TestServer.stores().objects().delete(BucketLayout.upload(uuid));
            return uuid;
        }
    }

    private static LambdaRuntime start(String function) throws Exception {
        SamTemplate.ImageFunction declared = functions.get(function);
        Map<String, String> environment = new HashMap<>();
        System.getProperties().forEach((name, value) -> {
            if (name.toString().startsWith("OCRCHAT_")) {
                environment.put(name.toString(), value.toString());
            }
        });
        // The chunks go to a queue of the test's own, which the local server's pollers do not drain.
        environment.put("OCRCHAT_JOBS_QUEUE_URL", queue);
        environment.put("OCRCHAT_PRIORITY_QUEUE_URL", queue);
        environment.put("AWS_REGION", "us-east-1");
        Path log = TestServer.repositoryRoot().resolve("infrastructure/target/image-" + function + ".log");
        return LambdaRuntime.startCommand(
                function, environment, lambda -> image.run(List.of(declared.handler()), lambda), log);
    }

    private static List<Chunk> take(int count) throws InterruptedException {
        List<Chunk> chunks = new ArrayList<>();
        for (int tries = 0; chunks.size() < count && tries < 30; tries++) {
            for (var message : sqs.receiveMessage(
                            r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                chunks.add(Json.read(message.body().getBytes(StandardCharsets.UTF_8), Chunk.class));
                sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
            }
        }
        assertEquals(count, chunks.size(), "the job's chunks on the queue");
        return chunks;
    }

    private static JsonNode body(JsonNode response, int status) throws Exception {
        assertEquals(status, response.get("statusCode").asInt(), response.toString());
        return MAPPER.readTree(response.get("body").asText());
    }

    /** A line for ./ocrchat deploy-check's summary (infrastructure/target/deploy-check.txt) and the test's output. */
    private static void report(String what, String format, Object... values) throws Exception {
        String line = what + ": " + String.format(java.util.Locale.ROOT, format, values);
        System.out.println(line);
        Files.writeString(
                TestServer.repositoryRoot().resolve("infrastructure/target/deploy-check.txt"),
                line + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
