package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.aws.AwsClients;
import com.ocrchat.functions.download.DownloadHandler;
import com.ocrchat.functions.job.GetJobHandler;
import com.ocrchat.functions.ocr.OcrWorkerHandler;
import com.ocrchat.functions.ocr.SubmitOcrHandler;
import com.ocrchat.functions.tools.ListToolsHandler;
import com.ocrchat.functions.worker.DeadChunkHandler;
import com.ocrchat.job.Chunk;
import com.ocrchat.local.LocalLambdaContext;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.FakeModelServer;
import com.ocrchat.testing.FakeModelServer.Answer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import com.ocrchat.wiring.Wiring;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * tier=vlm and the tools, with the vision model and the translator behind local servers that speak the
 * Bedrock Converse and OpenAI chat-completions wire formats.
 */
class VisionAndToolsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String IP = "203.0.113.90";
    /** What the "model" reads on the invoice: a heading, prose, and its items as a table. */
    private static final String INVOICE_MARKDOWN = """
            # INVOICE

            Acme Corp
            123 Market Street, Springfield

            | Item | Amount |
            | --- | --- |
            | Widget assembly, 2 units | 150.00 USD |
            | Support plan, 1 year | 65.00 USD |

            Total: 215.00 USD""";

    private FakeModelServer server;
    /** The fake model's requests so far (those of the test's latest server). */
    private List<FakeModelServer.Call> calls = List.of();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theToolsAreListedWithTheirTiersAndParameters() throws Exception {
        JsonNode listed = MAPPER.readTree(new ListToolsHandler(TestServer.wiring())
                .handleRequest(ApiEvents.tools(IP), null)
                .getBody());

        Map<String, JsonNode> tools = new HashMap<>();
        listed.get("tools").forEach(tool -> tools.put(tool.get("slug").asText(), tool));
        assertEquals(
                List.of(
                        "extract-tables",
                        "handwriting-to-text",
                        "image-to-text",
                        "math-to-latex",
                        "pdf-to-text",
                        "translate"),
                tools.keySet().stream().sorted().toList());
        assertEquals("vlm", tools.get("handwriting-to-text").get("tier").asText());
        assertEquals("cpu", tools.get("extract-tables").get("tier").asText());
        assertEquals(
                "translate_to",
                tools.get("translate").get("parameters").get(0).get("name").asText());
        assertTrue(
                tools.get("translate").get("parameters").get(0).get("required").asBoolean());
        assertFalse(tools.get("translate").get("available").asBoolean(), "no translation provider on the test server");
        assertTrue(tools.get("translate").get("note").asText().contains("OCRCHAT_TRANSLATE_PROVIDER"));
    }

    @Test
    void unknownToolsAndTranslationsThatCannotBeDoneAre400s() throws Exception {
        SubmitOcrHandler submit = new SubmitOcrHandler(TestServer.wiring());
        byte[] png = TestDocuments.png(TestPages.invoiceImage());

        JsonNode nope = error(
                submit.handleRequest(ApiEvents.submit(null, IP, "a.png", png, Map.of("tool", "nope")), null), 400);
        assertTrue(nope.get("error").asText().contains("Unknown tool 'nope'"), nope.toString());
        assertEquals(6, nope.get("tools").size());
        assertTrue(nope.get("error").asText().contains("extract-tables"));

        JsonNode noProvider = error(
                submit.handleRequest(
                        ApiEvents.submit(null, IP, "a.png", png, Map.of("tool", "translate", "translate_to", "de")),
                        null),
                400);
        assertTrue(
                noProvider.get("error").asText().contains("no translation provider is configured"),
                noProvider.toString());

        JsonNode noTarget = error(
                submit.handleRequest(ApiEvents.submit(null, IP, "a.png", png, Map.of("tool", "translate")), null), 400);
        assertTrue(noTarget.get("error").asText().contains("needs translate_to"), noTarget.toString());

        JsonNode unknownTarget = error(
                submit.handleRequest(
                        ApiEvents.submit(
                                null, IP, "a.png", png, Map.of("tool", "translate", "translate_to", "klingon")),
                        null),
                400);
        assertTrue(
                unknownTarget.get("error").asText().contains("Unknown translate_to 'klingon'"),
                unknownTarget.toString());
    }

    @Test
    void anOpenAiCompatibleVisionModelReadsThePageOntoTesseractsLayout() throws Exception {
        Wiring application = withModel("openai", (path, body) -> FakeModelServer.openAi(INVOICE_MARKDOWN, "stop"));
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 20);

        JsonNode job =
                submit(application, account, TestDocuments.png(TestPages.invoiceImage()), Map.of("tier", "vlm"), 200);

        assertEquals("vlm", job.get("tier").asText());
        assertEquals("vlm", job.get("requested_tier").asText());
        assertEquals(5, job.get("credits_charged").asInt());
        assertEquals(
                15,
                TestServer.wiring()
                        .meter()
                        .balance(Caller.of(account.account(), IP))
                        .remaining());
        assertEquals(INVOICE_MARKDOWN, job.get("markdown").asText());
        assertTrue(
                job.get("text").asText().contains("Widget assembly, 2 units\t150.00 USD"),
                job.get("text").asText());
        assertEquals(0, job.get("warnings").size(), job.get("warnings").toString());
        // The request carried the page as a JPEG data URL beside the instruction.
        assertEquals("/v1/chat/completions", calls.get(0).path());
        JsonNode content = calls.get(0).body().get("messages").get(1).get("content");
        String url = content.get(0).get("image_url").get("url").asText();
        assertTrue(url.startsWith("data:image/jpeg;base64,"), url.substring(0, 40));
        BufferedImage sent =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1))));
        assertEquals(
                1568,
                Math.max(sent.getWidth(), sent.getHeight()),
                "the 1240 x 1754 page scaled to the model's 1568-pixel bound");
        assertTrue(content.get(1).get("text").asText().contains("Transcribe this page"));
        // Blocks: the model's paragraphs on Tesseract's boxes, confident where the two agree.
        JsonNode blocks = job.get("pages").get(0).get("blocks");
        assertEquals(4, blocks.size(), blocks.toString());
        assertEquals("INVOICE", blocks.get(0).get("text").asText());
        for (JsonNode block : blocks) {
            JsonNode box = block.get("bbox");
            assertTrue(
                    box.get(0).asInt() < box.get(2).asInt()
                            && box.get(1).asInt() < box.get(3).asInt(),
                    block.toString());
            assertTrue(block.get("confidence").asDouble() > 0.8, block.toString());
        }
        assertTrue(
                blocks.get(0).get("bbox").get(3).asInt()
                        <= blocks.get(1).get("bbox").get(1).asInt(),
                "the title is above the address");
        assertTrue(job.get("mean_confidence").asDouble() > 0.8);

        String uuid = job.get("uuid").asText();
        String csv = download(application, account, uuid, "csv", null);
        assertEquals(
                "Item,Amount\r\n\"Widget assembly, 2 units\",150.00 USD\r\n\"Support plan, 1 year\",65.00 USD\r\n",
                csv);
        try (XWPFDocument docx =
                new XWPFDocument(new ByteArrayInputStream(downloadBytes(application, account, uuid, "docx", null)))) {
            assertEquals(1, docx.getTables().size());
            assertEquals(
                    "65.00 USD", docx.getTables().get(0).getRow(2).getCell(1).getText());
        }
    }

    @Test
    void bedrockConverseGetsThePageImageAndAToolsEmphasis() throws Exception {
        Wiring application = withModel("bedrock", (path, body) -> FakeModelServer.converse("$$E = mc^2$$", "end_turn"));
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 20);

        JsonNode job =
                submit(application, account, TestDocuments.linePng("E = mc2"), Map.of("tool", "math-to-latex"), 200);

        assertEquals("vlm", job.get("tier").asText(), "math-to-latex runs on the vlm tier");
        assertEquals("math-to-latex", job.get("tool").asText());
        assertEquals("$$E = mc^2$$", job.get("markdown").asText());
        assertTrue(
                calls.get(0).path().startsWith("/model/vision-model-v1/converse"),
                calls.get(0).path());
        JsonNode content = calls.get(0).body().get("messages").get(0).get("content");
        assertEquals("jpeg", content.get(0).get("image").get("format").asText());
        byte[] image = Base64.getDecoder()
                .decode(content.get(0).get("image").get("source").get("bytes").asText());
        assertNotNull(ImageIO.read(new ByteArrayInputStream(image)), "the image is a JPEG that opens");
        assertTrue(content.get(1).get("text").asText().contains("LaTeX"));
    }

    @Test
    void aLoopingAnswerIsAskedAgainThenCut() throws Exception {
        String loop = "Acme Corp\n\n" + "Total: 215.00 USD\n".repeat(60);
        Wiring application = withModel("openai", (path, body) -> FakeModelServer.openAi(loop, "length"));
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 20);

        JsonNode job =
                submit(application, account, TestDocuments.png(TestPages.invoiceImage()), Map.of("tier", "vlm"), 200);

        assertEquals(2, calls.size(), "asked once more after the loop");
        assertTrue(calls.get(1)
                .body()
                .get("messages")
                .get(1)
                .get("content")
                .get(1)
                .get("text")
                .asText()
                .contains("repeated"));
        assertEquals("Acme Corp\n\nTotal: 215.00 USD", job.get("markdown").asText());
        assertTrue(
                job.get("warnings").get(0).asText().contains("repeated itself"),
                job.get("warnings").toString());
    }

    @Test
    void aThrottledCallIsRetriedAndAModelThatKeepsFailingFailsTheJobAndRefunds() throws Exception {
        Wiring throttled = withModel(
                "openai",
                (path, body) -> calls.size() == 1
                        ? new Answer(429, "{\"error\": {\"message\": \"Rate limit reached\"}}")
                        : FakeModelServer.openAi(INVOICE_MARKDOWN, "stop"));
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 20);
        JsonNode done =
                submit(throttled, account, TestDocuments.png(TestPages.invoiceImage()), Map.of("tier", "vlm"), 200);
        assertEquals(2, calls.size());
        assertEquals(INVOICE_MARKDOWN, done.get("markdown").asText());
        stop();

        Wiring broken = withModel("bedrock", (path, body) -> new Answer(500, "{\"message\": \"The model is down\"}"));
        AccountStore.Created other = TestServer.stores().accounts().create(Plan.PAID, 20);
        JsonNode failed =
                submit(broken, other, TestDocuments.png(TestPages.invoiceImage()), Map.of("tier", "vlm"), 502);
        assertEquals(3, calls.size(), "OCRCHAT_MODEL_MAX_ATTEMPTS calls");
        assertEquals("failed", failed.get("status").asText());
        assertTrue(
                failed.get("error").asText().startsWith("The vision model failed on page 1: Bedrock answered HTTP 500"),
                failed.toString());
        assertEquals(20, broken.meter().balance(Caller.of(other.account(), IP)).remaining(), "the credits came back");
    }

    @Test
    void aLargeVlmJobIsReadInChunksAndAModelThatKeepsFailingFailsItSayingWhy() throws Exception {
        String queue = AwsClients.sqs(TestServer.stores().settings())
                .createQueue(r -> r.queueName("vlm-chunks-" + System.nanoTime()))
                .queueUrl();
        Map<String, String> ownQueue = Map.of("OCRCHAT_JOBS_QUEUE_URL", queue, "OCRCHAT_PRIORITY_QUEUE_URL", queue);
        Wiring application = withModel(
                "openai",
                (path, body) -> FakeModelServer.openAi("# Scanned\n\nPage " + calls.size(), "stop"),
                ownQueue);
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 100);
        byte[] scan = TestDocuments.smallPagesPdf(7);

        JsonNode pending = submit(application, account, scan, Map.of("tier", "vlm"), 202);
        assertEquals(35, pending.get("credits_charged").asInt());
        List<Chunk> chunks = takeChunks(application, queue, 2);
        chunks.forEach(chunk -> assertFalse(work(application, chunk), "the chunk is done"));

        JsonNode done = MAPPER.readTree(new GetJobHandler(application)
                .handleRequest(
                        ApiEvents.getJob(
                                account.token(), IP, pending.get("uuid").asText()),
                        null)
                .getBody());
        assertEquals("done", done.get("status").asText());
        assertEquals("vlm", done.get("tier").asText());
        assertEquals(7, calls.size(), "one model call per page");
        assertEquals(7, done.get("pages").size());
        done.get("pages")
                .forEach(page -> assertTrue(page.get("markdown").asText().startsWith("# Scanned"), page.toString()));
        stop();

        Wiring broken = withModel("openai", (path, body) -> new Answer(503, "{}"), ownQueue);
        JsonNode failing = submit(broken, account, scan, Map.of("tier", "vlm"), 202);
        List<Chunk> dead = takeChunks(broken, queue, 2);
        assertTrue(
                work(broken, dead.get(0)),
                "the model's failure is ours: the chunk is reported failed, for SQS to retry");
        new DeadChunkHandler(broken).handleRequest(ApiEvents.chunks(dead.get(0)), null); // once SQS gives up
        int callsSoFar = calls.size();
        assertFalse(work(broken, dead.get(1)));
        assertEquals(callsSoFar, calls.size(), "the job has failed: its other chunk has nothing left to do");
        JsonNode failed = MAPPER.readTree(new GetJobHandler(broken)
                .handleRequest(
                        ApiEvents.getJob(
                                account.token(), IP, failing.get("uuid").asText()),
                        null)
                .getBody());
        assertEquals("failed", failed.get("status").asText());
        assertTrue(
                failed.get("error")
                        .asText()
                        .matches("Pages \\d+-\\d+ could not be processed: The vision model failed on page \\d+: "
                                + "The model endpoint answered HTTP 503"),
                failed.get("error").asText());
        assertEquals(
                100 - 35,
                broken.meter().balance(Caller.of(account.account(), IP)).remaining(),
                "the failed job's 35 credits came back");
    }

    @Test
    void aSmallJobPastTheInlineDeadlineIsHandedToTheWorkersInsteadOfTimingOut() throws Exception {
        String queue = AwsClients.sqs(TestServer.stores().settings())
                .createQueue(r -> r.queueName("vlm-late-" + System.nanoTime()))
                .queueUrl();
        Wiring application = withModel(
                "openai",
                (path, body) -> {
                    if (calls.size() == 1) {
                        pause(4000); // the first call is slower than the request may wait
                    }
                    return FakeModelServer.openAi(INVOICE_MARKDOWN, "stop");
                },
                Map.of(
                        "OCRCHAT_JOBS_QUEUE_URL",
                        queue,
                        "OCRCHAT_PRIORITY_QUEUE_URL",
                        queue,
                        "OCRCHAT_INLINE_DEADLINE_SECONDS",
                        "1"));
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 20);

        JsonNode accepted =
                submit(application, account, TestDocuments.png(TestPages.invoiceImage()), Map.of("tier", "vlm"), 202);
        assertEquals("pending", accepted.get("status").asText(), "queued again, for the workers");
        assertEquals(5, accepted.get("credits_charged").asInt());
        List<Chunk> chunks = takeChunks(application, queue, 1);
        assertEquals(1, chunks.size());
        chunks.forEach(chunk -> assertFalse(work(application, chunk), "the chunk is done"));

        JsonNode done = MAPPER.readTree(new GetJobHandler(application)
                .handleRequest(
                        ApiEvents.getJob(
                                account.token(), IP, accepted.get("uuid").asText()),
                        null)
                .getBody());
        assertEquals("done", done.get("status").asText(), done.toString());
        assertEquals(INVOICE_MARKDOWN, done.get("markdown").asText());
        assertEquals(
                15,
                TestServer.wiring()
                        .meter()
                        .balance(Caller.of(account.account(), IP))
                        .remaining(),
                "charged once, 5 credits");
    }

    @Test
    void pagesReadBeforeTheInlineDeadlineAreNotSentToTheModelAgainByTheWorkers() throws Exception {
        String queue = AwsClients.sqs(TestServer.stores().settings())
                .createQueue(r -> r.queueName("vlm-reuse-" + System.nanoTime()))
                .queueUrl();
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        Wiring application = withModel(
                "openai",
                (path, body) -> {
                    if (answered.incrementAndGet() == 3) {
                        pause(8000); // one page's call outlasts the request; the other two are back at once
                    }
                    return FakeModelServer.openAi(INVOICE_MARKDOWN, "stop");
                },
                Map.of(
                        "OCRCHAT_JOBS_QUEUE_URL",
                        queue,
                        "OCRCHAT_PRIORITY_QUEUE_URL",
                        queue,
                        "OCRCHAT_INLINE_DEADLINE_SECONDS",
                        "4",
                        "OCRCHAT_PDF_DPI",
                        "100"));
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 20);
        byte[] threePages = TestDocuments.scannedPdf(List.of(
                TestPages.page("One", List.of("First page.")),
                TestPages.page("Two", List.of("Second page.")),
                TestPages.page("Three", List.of("Third page."))));

        JsonNode accepted = submit(application, account, threePages, Map.of("tier", "vlm"), 202);
        List<Chunk> chunks = takeChunks(application, queue, 1);
        chunks.forEach(chunk -> assertFalse(work(application, chunk), "the chunk is done"));

        JsonNode done = MAPPER.readTree(new GetJobHandler(application)
                .handleRequest(
                        ApiEvents.getJob(
                                account.token(), IP, accepted.get("uuid").asText()),
                        null)
                .getBody());
        assertEquals("done", done.get("status").asText(), done.toString());
        assertEquals(3, done.get("pages").size());
        // Three pages, one call each; at most one more, for the page whose call had not come back by the
        // deadline (if it came back before the hand-over, that page was kept too). Read again, it would be six.
        assertTrue(answered.get() == 3 || answered.get() == 4, "model calls: " + answered.get());
        assertEquals(
                5,
                TestServer.wiring()
                        .meter()
                        .balance(Caller.of(account.account(), IP))
                        .remaining(),
                "charged once for three pages");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The job's chunks, as the worker's event source would deliver them (deleted from the queue). */
    private static List<Chunk> takeChunks(Wiring application, String queue, int count) {
        var sqs = AwsClients.sqs(application.stores().settings());
        List<Chunk> chunks = new ArrayList<>();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (chunks.size() < count) {
            assertTrue(java.time.Instant.now().isBefore(deadline), "the job's chunks never reached " + queue);
            for (var message : sqs.receiveMessage(
                            r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                chunks.add(com.ocrchat.json.Json.read(message.body().getBytes(StandardCharsets.UTF_8), Chunk.class));
                sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
            }
        }
        return chunks;
    }

    /** The worker function given one chunk, as its event source delivers it; true when it reported the chunk failed. */
    private static boolean work(Wiring wiring, Chunk chunk) {
        return !new OcrWorkerHandler(wiring)
                .handleRequest(
                        ApiEvents.chunks(chunk),
                        new LocalLambdaContext(java.util.UUID.randomUUID().toString(), "OcrWorkerFunction", 300))
                .getBatchItemFailures()
                .isEmpty();
    }

    @Test
    void anonymousCallersGetNoPaidModelWorkEvenWhereModelsAreConfigured() throws Exception {
        Wiring vision = withModel("openai", (path, body) -> FakeModelServer.openAi(INVOICE_MARKDOWN, "stop"));
        byte[] png = TestDocuments.png(TestPages.invoiceImage());
        String ip = "10.77." + new java.util.Random().nextInt(256) + "." + new java.util.Random().nextInt(256);

        APIGatewayV2HTTPResponse response = new SubmitOcrHandler(vision)
                .handleRequest(ApiEvents.submit(null, ip, "a.png", png, Map.of("tier", "vlm")), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode job = MAPPER.readTree(response.getBody());
        assertEquals("cpu", job.get("tier").asText());
        assertEquals("vlm", job.get("requested_tier").asText());
        assertEquals(1, job.get("credits_charged").asInt());
        assertTrue(job.get("warnings").get(0).asText().contains("needs an account token"), job.toString());
        assertTrue(job.get("text").asText().contains("Total"), "read by the cpu engine");
        assertTrue(calls.isEmpty(), "no model call for an anonymous caller");
        server.close();

        Wiring translating = withTranslator((path, body) -> FakeModelServer.openAi("# RECHNUNG", "stop"));
        JsonNode refused = error(
                new SubmitOcrHandler(translating)
                        .handleRequest(
                                ApiEvents.submit(
                                        null, ip, "a.png", png, Map.of("tool", "translate", "translate_to", "de")),
                                null),
                401);
        assertEquals(
                "tool=translate needs an account token: anonymous requests get no paid model work",
                refused.get("error").asText());
        assertTrue(calls.isEmpty(), "no model call for an anonymous caller");
    }

    @Test
    void aTranslationComesWithTheJobAndItsExports() throws Exception {
        Wiring application =
                withTranslator((path, body) -> FakeModelServer.openAi("# RECHNUNG\n\nGesamt: 215.00 USD", "stop"));
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 20);

        JsonNode job = submit(
                application,
                account,
                TestDocuments.png(TestPages.invoiceImage()),
                Map.of("tool", "translate", "translate_to", "de"),
                200);

        assertEquals("cpu", job.get("tier").asText());
        assertEquals(1, job.get("credits_charged").asInt());
        assertTrue(job.get("text").asText().contains("Total: 215.00 USD"), "the recognized text stays as it was");
        JsonNode translation = job.get("translation");
        assertEquals("de", translation.get("language").asText());
        assertEquals(
                "# RECHNUNG\n\nGesamt: 215.00 USD", translation.get("markdown").asText());
        assertEquals("RECHNUNG\n\nGesamt: 215.00 USD", translation.get("text").asText());
        String system =
                calls.get(0).body().get("messages").get(0).get("content").asText();
        assertTrue(system.contains("into German (de)"), system);
        assertTrue(calls.get(0)
                .body()
                .get("messages")
                .get(1)
                .get("content")
                .asText()
                .contains("Total: 215.00 USD"));

        String uuid = job.get("uuid").asText();
        assertEquals("# RECHNUNG\n\nGesamt: 215.00 USD", download(application, account, uuid, "md", "true"));
        assertTrue(
                download(application, account, uuid, "md", null).contains("Total: 215.00 USD"),
                "untranslated by default");
        assertEquals("RECHNUNG\n\nGesamt: 215.00 USD", download(application, account, uuid, "txt", "true"));
        try (XWPFDocument docx =
                new XWPFDocument(new ByteArrayInputStream(downloadBytes(application, account, uuid, "docx", "true")))) {
            assertEquals("RECHNUNG", docx.getParagraphs().get(0).getText());
        }
        APIGatewayV2HTTPResponse pdf = new DownloadHandler(application)
                .handleRequest(ApiEvents.download(account.token(), IP, uuid, "pdf", "true"), null);
        assertTrue(error(pdf, 400)
                .get("error")
                .asText()
                .contains("translation comes as txt, md, docx or json (csv when it has tables)"));
        APIGatewayV2HTTPResponse csv = new DownloadHandler(application)
                .handleRequest(ApiEvents.download(account.token(), IP, uuid, "csv", "true"), null);
        assertTrue(error(csv, 400).get("error").asText().contains("The translation has no tables"));
    }

    @Test
    void extractTablesGivesTheCellsOfRuledUnruledAndBornDigitalTables() throws Exception {
        Wiring application = TestServer.wiring();
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 20);
        StringBuilder expected = new StringBuilder();
        TestPages.ORDER_TABLE.forEach(
                row -> expected.append(String.join(",", row)).append("\r\n"));
        Map<String, byte[]> documents = Map.of(
                "ruled.png", TestDocuments.png(TestPages.tablePage(true)),
                "unruled.png", TestDocuments.png(TestPages.tablePage(false)),
                "born-digital.pdf", TestDocuments.tablePdf());
        for (Map.Entry<String, byte[]> document : documents.entrySet()) {
            JsonNode job = submit(application, account, document.getValue(), Map.of("tool", "extract-tables"), 200);
            assertEquals("extract-tables", job.get("tool").asText());
            assertEquals(
                    expected.toString(),
                    download(application, account, job.get("uuid").asText(), "csv", null),
                    document.getKey());
            assertTrue(
                    job.get("markdown")
                            .asText()
                            .contains(
                                    "| Item | Quantity | Price |\n| --- | --- | --- |\n| Widget assembly | 2 | 150.00 |"),
                    document.getKey() + ": " + job.get("markdown").asText());
        }
        JsonNode none = submit(
                application,
                account,
                TestDocuments.png(TestPages.invoiceImage()),
                Map.of("tool", "extract-tables"),
                200);
        assertTrue(none.get("warnings").get(0).asText().startsWith("No tables were found"), none.toString());
    }

    // --- helpers ---

    private Wiring withModel(String provider, BiFunction<String, JsonNode, Answer> answers) throws Exception {
        return withModel(provider, answers, Map.of());
    }

    private Wiring withModel(String provider, BiFunction<String, JsonNode, Answer> answers, Map<String, String> more)
            throws Exception {
        String url = serve(answers);
        Map<String, String> settings = new HashMap<>(Map.of(
                "OCRCHAT_VLM_PROVIDER",
                provider,
                "OCRCHAT_BEDROCK_ENDPOINT",
                url,
                "OCRCHAT_BEDROCK_MODEL_ID",
                "vision-model-v1",
                "OCRCHAT_OPENAI_BASE_URL",
                url + "/v1",
                "OCRCHAT_TRANSLATE_PROVIDER",
                "none",
                "OCRCHAT_CHAT_PROVIDER",
                "extractive",
                "OCRCHAT_MODEL_MAX_ATTEMPTS",
                "3",
                "OCRCHAT_MODEL_BACKOFF_MS",
                "20"));
        settings.putAll(more);
        return TestServer.wiringWith(settings);
    }

    private Wiring withTranslator(BiFunction<String, JsonNode, Answer> answers) throws Exception {
        String url = serve(answers);
        return TestServer.wiringWith(Map.of(
                "OCRCHAT_TRANSLATE_PROVIDER",
                "openai",
                "OCRCHAT_OPENAI_BASE_URL",
                url + "/v1",
                "OCRCHAT_CHAT_PROVIDER",
                "extractive"));
    }

    /** A fake model answering as {@code answers} says; returns its base URL. */
    private String serve(BiFunction<String, JsonNode, Answer> answers) {
        server = FakeModelServer.answering(answers);
        calls = server.calls();
        return server.url();
    }

    private static JsonNode submit(
            Wiring application, AccountStore.Created account, byte[] file, Map<String, String> fields, int status)
            throws Exception {
        APIGatewayV2HTTPResponse response = new SubmitOcrHandler(application)
                .handleRequest(ApiEvents.submit(account.token(), IP, "document", file, fields), null);
        assertEquals(status, response.getStatusCode(), response.getBody());
        return MAPPER.readTree(response.getBody());
    }

    private static String download(
            Wiring application, AccountStore.Created account, String uuid, String format, String translated) {
        return new String(downloadBytes(application, account, uuid, format, translated), StandardCharsets.UTF_8);
    }

    private static byte[] downloadBytes(
            Wiring application, AccountStore.Created account, String uuid, String format, String translated) {
        APIGatewayV2HTTPResponse response = new DownloadHandler(application)
                .handleRequest(
                        translated == null
                                ? ApiEvents.download(account.token(), IP, uuid, format)
                                : ApiEvents.download(account.token(), IP, uuid, format, translated),
                        null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode error(APIGatewayV2HTTPResponse response, int status) throws Exception {
        assertEquals(status, response.getStatusCode(), response.getBody());
        return MAPPER.readTree(response.getBody());
    }
}
