package com.ocrchat.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.ocrchat.auth.Plan;
import com.ocrchat.local.LocalServer;
import com.ocrchat.local.SamTemplate;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/openapi.json: valid OpenAPI 3.1 (swagger-parser), describing exactly the routes template.yaml
 * declares, and real answers of the local server, success and failure, valid against the schemas it gives them.
 */
class OpenApiTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalServer server;
    private static JsonNode description;
    private static volatile String token;

    @BeforeAll
    static void fetch() throws Exception {
        server = TestServer.get();
        HttpResponse<String> served = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/openapi.json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode());
        assertTrue(served.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        description = MAPPER.readTree(served.body());
        token = TestServer.stores().accounts().create(Plan.PAID, 100).token();
    }

    @Test
    void itIsValidOpenApi31() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(description.toString(), null, options);
        assertEquals(List.of(), parsed.getMessages(), "swagger-parser's findings");
        assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());
    }

    @Test
    void itDescribesExactlyTheTemplatesRoutes() throws Exception {
        Set<String> declared = new TreeSet<>();
        for (SamTemplate.Route route : SamTemplate.read(
                        TestServer.repositoryRoot().resolve("template.yaml"))
                .routes()) {
            // The product's pages (GET / and GET /{path+}) are not part of the API.
            if (!route.path().startsWith("/api/")) {
                continue;
            }
            declared.add(
                    route.method().toUpperCase(Locale.ROOT) + " " + route.path().replaceAll("/$", ""));
        }
        Set<String> described = new TreeSet<>();
        description
                .get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " "
                                + path.getKey().replaceAll("/$", ""))));
        assertEquals(declared, described);
    }

    @Test
    void realAnswersMatchTheirSchemas() throws Exception {
        List<String> findings = new ArrayList<>();
        Answer submitted = multipart("/api/v1/ocr/", TestDocuments.png(TestPages.invoiceImage()));
        String uuid = submitted.json().get("uuid").asText();
        findings.addAll(check("/api/v1/ocr/", "post", submitted));
        findings.addAll(
                check("/api/v1/ocr/", "post", multipart("/api/v1/ocr/", "hello".getBytes(StandardCharsets.UTF_8))));
        findings.addAll(check("/api/v1/ocr/{uuid}/", "get", get("/api/v1/ocr/" + uuid + "/", token)));
        findings.addAll(check("/api/v1/ocr/{uuid}/", "get", get("/api/v1/ocr/" + UUID.randomUUID() + "/", token)));
        findings.addAll(check("/api/v1/ocr/{uuid}/", "get", get("/api/v1/ocr/" + uuid + "/", "ocr_not-a-token")));
        findings.addAll(check(
                "/api/v1/ocr/{uuid}/download/", "get", get("/api/v1/ocr/" + uuid + "/download/?format=json", token)));
        findings.addAll(check(
                "/api/v1/ocr/{uuid}/download/", "get", get("/api/v1/ocr/" + uuid + "/download/?format=rtf", token)));
        findings.addAll(
                check("/api/v1/ocr/{uuid}/deliveries/", "get", get("/api/v1/ocr/" + uuid + "/deliveries/", token)));
        findings.addAll(check(
                "/api/v1/ocr/{uuid}/deliveries/", "post", post("/api/v1/ocr/" + uuid + "/deliveries/", "", token)));
        findings.addAll(check(
                "/api/v1/uploads/",
                "post",
                post("/api/v1/uploads/", "{\"size\": 1000, \"filename\": \"a.pdf\"}", token)));
        findings.addAll(check("/api/v1/uploads/", "post", post("/api/v1/uploads/", "{\"size\": 0}", token)));
        findings.addAll(check(
                "/api/v1/chat/{uuid}/",
                "post",
                post("/api/v1/chat/" + uuid + "/", "{\"message\": \"What is the total?\"}", token)));
        findings.addAll(check(
                "/api/v1/chat/{uuid}/", "post", post("/api/v1/chat/" + uuid + "/", "{\"message\": \"x\"}", null)));
        findings.addAll(check("/api/v1/chat/{uuid}/history/", "get", get("/api/v1/chat/" + uuid + "/history/", token)));
        findings.addAll(check("/api/v1/tools/", "get", get("/api/v1/tools/", null)));
        findings.addAll(check("/api/v1/account/", "get", get("/api/v1/account/", token)));
        findings.addAll(check("/api/v1/account/", "get", get("/api/v1/account/", null)));
        findings.addAll(check("/api/v1/plans/", "get", get("/api/v1/plans/", null)));
        findings.addAll(check("/api/v1/session/", "get", get("/api/v1/session/", null)));
        findings.addAll(check(
                "/api/v1/signup/",
                "post",
                post("/api/v1/signup/", "{\"email\": \"a@example.com\", \"password\": \"0123456789\"}", null)));
        findings.addAll(check(
                "/api/v1/account/token/",
                "post",
                post(
                        "/api/v1/account/token/",
                        "",
                        TestServer.stores().accounts().create(Plan.FREE, 0).token())));
        findings.addAll(check("/api/v1/account/token/", "post", post("/api/v1/account/token/", "", null)));
        findings.addAll(check(
                "/api/v1/ocr/{uuid}/pages/{page}/image/",
                "get",
                get("/api/v1/ocr/" + uuid + "/pages/7/image/", token)));
        // No credits left (402) and a body over what the route takes (413). (A 429 for anonymous upload tickets would
        // spend this machine's own allowance, which other tests in this JVM use.)
        String broke = TestServer.stores().accounts().create(Plan.FREE, 0).token();
        String spent = token;
        token = broke;
        for (int i = 0; i < 200; i++) {
            Answer answer = multipart("/api/v1/ocr/", TestDocuments.smallPagesPdf(5));
            if (answer.status() == 402) {
                findings.addAll(check("/api/v1/ocr/", "post", answer));
                break;
            }
        }
        token = spent;
        findings.addAll(check(
                "/api/v1/uploads/",
                "post",
                post("/api/v1/uploads/", "{\"size\": 1, \"filename\": \"" + "x".repeat(8000) + "\"}", token)));
        // A queued job (202), a reused Idempotency-Key (422), and a webhook as its receiver gets it, with the log.
        findings.addAll(check("/api/v1/ocr/", "post", multipart("/api/v1/ocr/", TestDocuments.smallPagesPdf(6))));
        String key = UUID.randomUUID().toString();
        multipart("/api/v1/ocr/", TestDocuments.png(TestPages.invoiceImage()), key, null);
        findings.addAll(check(
                "/api/v1/ocr/",
                "post",
                multipart(
                        "/api/v1/ocr/",
                        TestDocuments.png(TestPages.page("Other", List.of("Another page."))),
                        key,
                        null)));
        try (com.ocrchat.e2e.LoopbackWeb receiver = com.ocrchat.e2e.LoopbackWeb.start()) {
            receiver.receive("/hook", () -> 204);
            Answer withHook =
                    multipart("/api/v1/ocr/", TestDocuments.png(TestPages.invoiceImage()), null, receiver.url("/hook"));
            findings.addAll(check("/api/v1/ocr/", "post", withHook));
            List<com.ocrchat.e2e.LoopbackWeb.Received> posts = com.ocrchat.testing.WaitUntil.value(
                    () -> receiver.received("/hook"), found -> !found.isEmpty(), java.time.Duration.ofSeconds(30));
            findings.addAll(validate(
                    "webhook jobEnded",
                    "#/components/schemas/WebhookPayload",
                    MAPPER.readTree(posts.get(0).body())));
            String hooked = withHook.json().get("uuid").asText();
            Answer log = get("/api/v1/ocr/" + hooked + "/deliveries/", token);
            assertEquals(1, log.json().get("deliveries").size(), log.json().toString());
            findings.addAll(check("/api/v1/ocr/{uuid}/deliveries/", "get", log));
        }
        assertEquals(List.of(), findings);

        // The check can fail: a job whose status the contract does not know is a finding.
        ObjectNode wrong = submitted.json().deepCopy();
        wrong.put("status", "finished");
        wrong.remove("pages");
        assertEquals(
                2,
                check("/api/v1/ocr/", "post", new Answer(200, "application/json", wrong))
                        .size());
    }

    record Answer(int status, String contentType, JsonNode json) {}

    /** What the description's schema for this route, status and JSON says about the answer. */
    private static List<String> check(String path, String method, Answer answer) {
        JsonNode response = description
                .path("paths")
                .path(path)
                .path(method)
                .path("responses")
                .path(Integer.toString(answer.status()));
        if (response.isMissingNode()) {
            return List.of(method + " " + path + ": status " + answer.status() + " is not described");
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return List.of(method + " " + path + " " + answer.status() + ": no JSON schema");
        }
        return validate(method + " " + path + " " + answer.status(), schema, answer.json());
    }

    private static List<String> validate(String what, String reference, JsonNode json) {
        return validate(what, MAPPER.createObjectNode().put("$ref", reference), json);
    }

    /** The JSON against a schema of the description (its $refs resolved within the description's components). */
    private static List<String> validate(String what, JsonNode schema, JsonNode json) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.setAll((ObjectNode) schema.deepCopy());
        root.set("components", description.get("components"));
        JsonSchema validator =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        List<String> findings = new ArrayList<>();
        for (ValidationMessage message : validator.validate(json)) {
            findings.add(what + ": " + message.getMessage());
        }
        return findings;
    }

    private static Answer multipart(String path, byte[] file) throws Exception {
        return multipart(path, file, null, null);
    }

    /** POST the file as the form's "file" (and a callback_url), with an Idempotency-Key when given. */
    private static Answer multipart(String path, byte[] file, String idempotencyKey, String callbackUrl)
            throws Exception {
        String boundary = "b" + UUID.randomUUID();
        String callback = callbackUrl == null
                ? ""
                : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"callback_url\"\r\n\r\n" + callbackUrl
                        + "\r\n";
        byte[] head = (callback + "--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoice.png\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    private static Answer get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private static Answer post(String path, String json, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private static Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("content-type").orElse("");
        assertTrue(type.startsWith("application/json"), response.statusCode() + " " + type + ": " + response.body());
        return new Answer(response.statusCode(), type, MAPPER.readTree(response.body()));
    }
}
