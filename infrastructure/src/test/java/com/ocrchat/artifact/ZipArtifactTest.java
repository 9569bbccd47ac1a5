package com.ocrchat.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.api.ApiEvents;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.e2e.LoopbackWeb;
import com.ocrchat.functions.ocr.SubmitOcrHandler;
import com.ocrchat.job.Chunk;
import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobStatus;
import com.ocrchat.local.SamTemplate;
import com.ocrchat.local.TestServer;
import com.ocrchat.metering.Charge;
import com.ocrchat.testing.BilevelScans;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestJobs;
import com.ocrchat.testing.TestPages;
import com.ocrchat.webhook.WebhookEvent;
import com.ocrchat.webhook.WebhookSignature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zip functions as AWS runs them: the deployment package (mvn -Plambda package) unpacked as Lambda
 * unpacks it, that package alone on the classpath beside the runtime's own Runtime Interface Client,
 * each handler (its string read from template.yaml) started in a JVM of its own, and real events of its
 * route sent through Lambda's Runtime API, against the embedded AWS services. ./ocrchat deploy-check runs it.
 */
@Tag("artifact")
class ZipArtifactTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String IP = "203.0.113.150";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> TESTED = new TreeSet<>();

    @TempDir
    static Path work;

    private static Path task;
    private static Map<String, SamTemplate.ZipFunction> functions;
    private static AccountStore.Created account;
    private static String job;
    /** A job whose page is black and white: its image is kept as G4 and shown as PNG. */
    private static String blackAndWhiteJob;

    @BeforeAll
    static void setUp() throws Exception {
        Path zip = TestServer.repositoryRoot().resolve("functions/zip/target/ocrchat-functions-zip.zip");
        assertTrue(
                Files.isRegularFile(zip),
                zip + " is missing: build it with mvn -Plambda package (./ocrchat deploy-check does)");
        task = Files.createDirectories(work.resolve("task"));
        unzip(zip, task);
        functions = SamTemplate.read(TestServer.repositoryRoot().resolve("template.yaml"))
                .zipFunctions();
        account = TestServer.stores().accounts().create(Plan.PAID, 100);
        JsonNode done = MAPPER.readTree(new SubmitOcrHandler()
                .handleRequest(
                        ApiEvents.submit(
                                account.token(),
                                IP,
                                "invoice.png",
                                TestDocuments.png(TestPages.invoiceImage()),
                                Map.of()),
                        null)
                .getBody());
        assertEquals("done", done.get("status").asText(), done.toString());
        job = done.get("uuid").asText();
        JsonNode fax = MAPPER.readTree(new SubmitOcrHandler()
                .handleRequest(
                        ApiEvents.submit(
                                account.token(),
                                IP,
                                "fax.png",
                                TestDocuments.png(BilevelScans.bilevel(TestPages.invoiceImage())),
                                Map.of()),
                        null)
                .getBody());
        assertEquals("done", fax.get("status").asText(), fax.toString());
        blackAndWhiteJob = fax.get("uuid").asText();
    }

    @AfterAll
    static void everyZipFunctionOfTheTemplateRan() {
        assertEquals(
                new TreeSet<>(functions.keySet()),
                TESTED,
                "every zip function of template.yaml is started from the artifact");
    }

    @Test
    void getJob() throws Exception {
        try (LambdaRuntime runtime = start("GetJobFunction")) {
            JsonNode body = body(runtime.invoke(ApiEvents.getJob(account.token(), IP, job), TIMEOUT), 200);
            assertEquals("done", body.get("status").asText());
            assertTrue(body.get("text").asText().contains("INVOICE"), body.toString());
            body(
                    runtime.invoke(
                            ApiEvents.getJob(
                                    account.token(), IP, UUID.randomUUID().toString()),
                            TIMEOUT),
                    404);
        }
    }

    @Test
    void downloadEveryFormat() throws Exception {
        try (LambdaRuntime runtime = start("DownloadFunction")) {
            assertTrue(text(runtime.invoke(ApiEvents.download(account.token(), IP, job, "txt"), TIMEOUT))
                    .contains("Total: 215.00 USD"));
            assertTrue(text(runtime.invoke(ApiEvents.download(account.token(), IP, job, "md"), TIMEOUT))
                    .startsWith("# INVOICE"));
            assertTrue(text(runtime.invoke(ApiEvents.download(account.token(), IP, job, "csv"), TIMEOUT))
                    .contains("INVOICE"));
            assertEquals(
                    job,
                    MAPPER.readTree(text(runtime.invoke(ApiEvents.download(account.token(), IP, job, "json"), TIMEOUT)))
                            .get("uuid")
                            .asText());
            try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(
                    bytes(runtime.invoke(ApiEvents.download(account.token(), IP, job, "docx"), TIMEOUT))))) {
                assertTrue(
                        docx.getParagraphs().stream().anyMatch(p -> p.getText().contains("INVOICE")));
            }
            try (var pdf = Loader.loadPDF(
                    bytes(runtime.invoke(ApiEvents.download(account.token(), IP, job, "pdf"), TIMEOUT)))) {
                assertEquals(1, pdf.getNumberOfPages());
            }
            body(runtime.invoke(ApiEvents.download(account.token(), IP, job, "rtf"), TIMEOUT), 400);
        }
    }

    @Test
    void chatAndItsHistory() throws Exception {
        try (LambdaRuntime runtime = start("ChatFunction")) {
            JsonNode reply = body(
                    runtime.invoke(
                            ApiEvents.chat(account.token(), IP, job, "{\"message\": \"What is the total?\"}"), TIMEOUT),
                    200);
            assertTrue(reply.get("message").get("content").asText().contains("215.00"), reply.toString());
            assertEquals(
                    1, reply.get("message").get("citations").get(0).get("page").asInt());
        }
        try (LambdaRuntime runtime = start("ChatHistoryFunction")) {
            JsonNode history = body(runtime.invoke(ApiEvents.history(account.token(), IP, job, null), TIMEOUT), 200);
            assertTrue(history.get("conversations").size() >= 1, history.toString());
        }
    }

    @Test
    void accountToolsAndUploads() throws Exception {
        try (LambdaRuntime runtime = start("GetAccountFunction")) {
            JsonNode overview = body(runtime.invoke(ApiEvents.getAccount(account.token(), IP), TIMEOUT), 200);
            assertEquals("paid", overview.get("plan").asText());
            body(runtime.invoke(ApiEvents.getAccount(null, IP), TIMEOUT), 401);
        }
        try (LambdaRuntime runtime = start("ListToolsFunction")) {
            assertEquals(
                    6,
                    body(runtime.invoke(ApiEvents.tools(IP), TIMEOUT), 200)
                            .get("tools")
                            .size());
        }
        try (LambdaRuntime runtime = start("OpenApiFunction")) {
            assertEquals(
                    "3.1.0",
                    body(runtime.invoke(ApiEvents.tools(IP), TIMEOUT), 200)
                            .get("openapi")
                            .asText());
        }
        try (LambdaRuntime runtime = start("CreateUploadFunction")) {
            JsonNode ticket = body(runtime.invoke(ApiEvents.createUpload(account.token(), IP, 1000), TIMEOUT), 201);
            assertTrue(
                    ticket.get("url").asText().contains(ticket.get("upload_id").asText()), ticket.toString());
            assertEquals(1000, ticket.get("max_bytes").asLong());
            body(runtime.invoke(ApiEvents.createUpload(account.token(), IP, 0), TIMEOUT), 400);
        }
    }

    @Test
    void thePagesSignUpPlansAndPageImages() throws Exception {
        try (LambdaRuntime runtime = start("WebPagesFunction")) {
            JsonNode home =
                    runtime.invoke(ApiEvents.request("GET /", "/", Map.of(), null, IP, List.of(), null, null), TIMEOUT);
            assertTrue(text(home).contains("<h2>Sign up</h2>"), home.toString());
            JsonNode account = runtime.invoke(
                    ApiEvents.request(
                            "GET /{path+}", "/account", Map.of("path", "account"), null, IP, List.of(), null, null),
                    TIMEOUT);
            assertTrue(text(account).contains("Your account"));
            String script = text(account).replaceAll("(?s).*src=\"/(assets/account-[^\"]+\\.js)\".*", "$1");
            JsonNode asset = runtime.invoke(
                    ApiEvents.request(
                            "GET /{path+}", "/" + script, Map.of("path", script), null, IP, List.of(), null, null),
                    TIMEOUT);
            assertTrue(text(asset).contains("/api/v1/account/"), script);
            body(
                    runtime.invoke(
                            ApiEvents.request(
                                    "GET /{path+}",
                                    "/api/v1/none",
                                    Map.of("path", "api/v1/none"),
                                    null,
                                    IP,
                                    List.of(),
                                    null,
                                    null),
                            TIMEOUT),
                    404);
        }
        try (LambdaRuntime runtime = start("PlansFunction")) {
            JsonNode plans = body(
                    runtime.invoke(
                            ApiEvents.request(
                                    "GET /api/v1/plans", "/api/v1/plans/", Map.of(), null, IP, List.of(), null, null),
                            TIMEOUT),
                    200);
            assertEquals(3, plans.get("plans").size());
        }
        try (LambdaRuntime runtime = start("SessionsFunction")) {
            JsonNode session = body(
                    runtime.invoke(
                            ApiEvents.request(
                                    "GET /api/v1/session",
                                    "/api/v1/session/",
                                    Map.of(),
                                    null,
                                    IP,
                                    List.of(),
                                    null,
                                    null),
                            TIMEOUT),
                    200);
            String formToken = session.get("csrf_token").asText();
            JsonNode created = body(
                    runtime.invoke(
                            ApiEvents.request(
                                    "POST /api/v1/signup",
                                    "/api/v1/signup/",
                                    Map.of(),
                                    null,
                                    IP,
                                    List.of("ocrchat_csrf=" + formToken),
                                    formToken,
                                    "{\"email\": \"" + UUID.randomUUID()
                                            + "@example.com\", \"password\": \"0123456789ab\"}"),
                            TIMEOUT),
                    201);
            assertEquals("free", created.get("plan").asText());
            JsonNode rotated = body(
                    runtime.invoke(
                            ApiEvents.request(
                                    "POST /api/v1/account/token",
                                    "/api/v1/account/token/",
                                    Map.of(),
                                    created.get("token").asText(),
                                    IP,
                                    List.of(),
                                    null,
                                    null),
                            TIMEOUT),
                    200);
            assertTrue(TestServer.stores()
                    .accounts()
                    .findByToken(created.get("token").asText())
                    .isEmpty());
            assertTrue(TestServer.stores()
                    .accounts()
                    .findByToken(rotated.get("token").asText())
                    .isPresent());
        }
        try (LambdaRuntime runtime = start("PageImageFunction")) {
            byte[] jpeg = bytes(runtime.invoke(
                    ApiEvents.request(
                            "GET /api/v1/ocr/{uuid}/pages/{page}/image",
                            "/api/v1/ocr/" + job + "/pages/0/image/",
                            Map.of("uuid", job, "page", "0"),
                            account.token(),
                            IP,
                            List.of(),
                            null,
                            null),
                    TIMEOUT));
            assertTrue(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg))
                            .getWidth()
                    > 1000);
            JsonNode shown = runtime.invoke(
                    ApiEvents.request(
                            "GET /api/v1/ocr/{uuid}/pages/{page}/image",
                            "/api/v1/ocr/" + blackAndWhiteJob + "/pages/0/image/",
                            Map.of("uuid", blackAndWhiteJob, "page", "0"),
                            account.token(),
                            IP,
                            List.of(),
                            null,
                            null),
                    TIMEOUT);
            byte[] png = bytes(shown);
            assertEquals("image/png", shown.path("headers").path("content-type").asText(), shown.toString());
            assertEquals(
                    TestPages.invoiceImage().getWidth(),
                    javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png))
                            .getWidth(),
                    "the G4 page, converted by the artifact's own JRE");
        }
    }

    @Test
    void webhooksAreListedRedeliveredAndSent() throws Exception {
        try (LoopbackWeb receiver = LoopbackWeb.start()) {
            receiver.receive("/hook", () -> 204);
            JsonNode done = MAPPER.readTree(new SubmitOcrHandler()
                    .handleRequest(
                            ApiEvents.submit(
                                    account.token(),
                                    IP,
                                    "invoice.png",
                                    TestDocuments.png(TestPages.invoiceImage()),
                                    Map.of("callback_url", receiver.url("/hook"))),
                            null)
                    .getBody());
            String uuid = done.get("uuid").asText();
            try (LambdaRuntime runtime = start("DeliveriesFunction")) {
                JsonNode log =
                        body(runtime.invoke(ApiEvents.deliveries(account.token(), IP, uuid, "GET"), TIMEOUT), 200);
                assertEquals(receiver.url("/hook"), log.get("callback_url").asText());
                JsonNode asked =
                        body(runtime.invoke(ApiEvents.deliveries(account.token(), IP, uuid, "POST"), TIMEOUT), 202);
                assertTrue(asked.get("deliveries").toString().contains("\"queued\""), asked.toString());
                body(runtime.invoke(ApiEvents.deliveries(account.token(), IP, job, "POST"), TIMEOUT), 400);
            }
            int before = receiver.received("/hook").size();
            try (LambdaRuntime runtime = start("WebhookDeliveryFunction")) {
                Instant now = Instant.now();
                JsonNode batch = runtime.invoke(
                        ApiEvents.sqsBatchJson(new WebhookEvent("msg_" + uuid, uuid, 1, now, now, "redelivery")),
                        TIMEOUT);
                assertEquals(0, batch.get("batchItemFailures").size(), batch.toString());
            }
            List<LoopbackWeb.Received> posts = receiver.received("/hook");
            assertTrue(posts.size() > before, "the function POSTed to the receiver");
            LoopbackWeb.Received post = posts.get(posts.size() - 1);
            assertEquals("msg_" + uuid, post.headers().get("webhook-id"));
            assertTrue(WebhookSignature.verify(
                    TestServer.stores()
                            .accounts()
                            .webhookSecret(account.account().id()),
                    post.headers().get("webhook-id"),
                    Long.parseLong(post.headers().get("webhook-timestamp")),
                    post.body(),
                    post.headers().get("webhook-signature")));
        }
    }

    @Test
    void theDeadLetterConsumerAndTheSweepFailWhatTheyShould() throws Exception {
        Caller caller = Caller.of(account.account(), IP);
        JobRecord dead = TestJobs.unfinished(
                UUID.randomUUID().toString(),
                caller.owner(),
                JobStatus.PENDING,
                7,
                Charge.ofCredits(caller.accountId(), 0),
                Instant.now());
        TestServer.wiring().lifecycle().open(dead);
        try (LambdaRuntime runtime = start("DeadChunkFunction")) {
            JsonNode batch = runtime.invoke(ApiEvents.sqsBatchJson(new Chunk(dead.uuid(), 0, 4)), TIMEOUT);
            assertEquals(0, batch.get("batchItemFailures").size(), batch.toString());
            // Operators see it: a JSON log line naming the job and the invocation, and the JobsFailed metric (EMF).
            String log = runtime.output();
            assertTrue(
                    log.lines()
                            .anyMatch(line -> line.startsWith("{")
                                    && line.contains("\"job_id\":\"" + dead.uuid() + "\"")
                                    && line.contains("\"request_id\"")),
                    log);
            assertTrue(
                    log.contains("\"_aws\"") && log.contains("\"JobsFailed\"") && log.contains("\"CreditsRefunded\""),
                    log);
        }
        JobRecord failed = TestServer.stores().jobs().find(dead.uuid()).orElseThrow();
        assertEquals(JobStatus.FAILED, failed.status());
        assertTrue(failed.error().startsWith("Pages 1-5 could not be processed"), failed.error());

        JobRecord stuck = TestJobs.unfinished(
                UUID.randomUUID().toString(),
                caller.owner(),
                JobStatus.PROCESSING,
                3,
                Charge.ofCredits(caller.accountId(), 0),
                Instant.now().minus(Duration.ofHours(3)));
        TestServer.wiring().lifecycle().open(stuck);
        try (LambdaRuntime runtime = start("StuckJobsFunction")) {
            JsonNode swept = runtime.invoke(ApiEvents.schedule(), TIMEOUT);
            assertTrue(swept.get("failed").asInt() >= 1, swept.toString());
        }
        assertEquals(
                JobStatus.FAILED,
                TestServer.stores().jobs().find(stuck.uuid()).orElseThrow().status());
    }

    /** The function, from the unpacked artifact alone and the runtime interface client, as the template declares it. */
    private static LambdaRuntime start(String function) throws Exception {
        SamTemplate.ZipFunction declared = functions.get(function);
        assertTrue(declared != null, function + " is not a zip function of template.yaml");
        assertEquals("functions/zip/target/ocrchat-functions-zip.zip", declared.codeUri());
        TESTED.add(function);
        List<Path> classpath = new ArrayList<>(List.of(task));
        classpath.add(task.resolve("lib/*"));
        classpath.addAll(runtimeInterfaceClient());
        return LambdaRuntime.start(
                function,
                LambdaRuntime.javaRuntime(classpath, declared.handler()),
                environment(),
                task,
                TestServer.repositoryRoot().resolve("infrastructure/target/" + function + ".log"));
    }

    /** What Lambda's java21 runtime itself provides: the Runtime Interface Client and its serialization, nothing of ours. */
    private static List<Path> runtimeInterfaceClient() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(":")) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("aws-lambda-java-runtime-interface-client-")
                    || name.startsWith("aws-lambda-java-serialization-")
                    || name.startsWith("utils-lite-")) {
                jars.add(Path.of(entry));
            }
        }
        assertEquals(3, jars.size(), "the runtime interface client and its two libraries: " + jars);
        return jars;
    }

    /** The functions' environment as the local stack resolves template.yaml's, pointing at the embedded services. */
    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        System.getProperties().forEach((name, value) -> {
            if (name.toString().startsWith("OCRCHAT_")) {
                environment.put(name.toString(), value.toString());
            }
        });
        environment.put("OMP_THREAD_LIMIT", "1");
        environment.put("AWS_REGION", "us-east-1");
        environment.put("LAMBDA_TASK_ROOT", task.toString());
        return environment;
    }

    private static JsonNode body(JsonNode response, int status) throws IOException {
        assertEquals(status, response.get("statusCode").asInt(), response.toString());
        return MAPPER.readTree(response.get("body").asText());
    }

    private static byte[] bytes(JsonNode response) {
        assertEquals(200, response.get("statusCode").asInt(), response.toString());
        String body = response.get("body").asText();
        return response.path("isBase64Encoded").asBoolean()
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode response) {
        return new String(bytes(response), StandardCharsets.UTF_8);
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("An entry outside the package: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
    }
}
