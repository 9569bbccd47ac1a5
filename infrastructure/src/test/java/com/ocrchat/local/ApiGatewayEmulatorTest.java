package com.ocrchat.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiGatewayEmulatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ApiGatewayEmulator emulator;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        try (var reader = new InputStreamReader(
                ApiGatewayEmulatorTest.class.getResourceAsStream("/echo-template.yaml"), StandardCharsets.UTF_8)) {
            emulator = ApiGatewayEmulator.start(SamTemplate.parse(reader), "127.0.0.1", 0);
        }
        base = "http://127.0.0.1:" + emulator.port();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aRequestBecomesThePayload2EventApiGatewaySends() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/items/42/?a=1&a=2&b=x%20y"))
                        .header("X-Custom-Header", "Value")
                        .header("Cookie", "c1=v1; c2=v2")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        JsonNode event = MAPPER.readTree(response.body());
        assertEquals("2.0", event.get("version").asText());
        assertEquals("GET /items/{id}", event.get("routeKey").asText());
        assertEquals("/items/42/", event.get("rawPath").asText());
        assertEquals("a=1&a=2&b=x%20y", event.get("rawQueryString").asText());
        assertEquals("1,2", event.get("queryStringParameters").get("a").asText());
        assertEquals("x y", event.get("queryStringParameters").get("b").asText());
        assertEquals("42", event.get("pathParameters").get("id").asText());
        assertEquals("Value", event.get("headers").get("x-custom-header").asText());
        assertFalse(event.get("headers").has("cookie"), "cookies move out of the headers");
        assertEquals(
                List.of("c1=v1", "c2=v2"),
                List.of(
                        event.get("cookies").get(0).asText(),
                        event.get("cookies").get(1).asText()));
        JsonNode context = event.get("requestContext");
        assertEquals("GET", context.get("http").get("method").asText());
        assertEquals("/items/42/", context.get("http").get("path").asText());
        assertEquals("127.0.0.1", context.get("http").get("sourceIp").asText());
        assertEquals("$default", context.get("stage").asText());
        assertEquals("GET /items/{id}", context.get("routeKey").asText());
        assertFalse(context.get("requestId").asText().isEmpty());
        assertFalse(event.get("isBase64Encoded").asBoolean());
    }

    @Test
    void binaryAndMultipartBodiesArriveBase64EncodedAndJsonAsText() throws Exception {
        byte[] multipart = "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\u00e9\r\n--b--\r\n"
                .getBytes(StandardCharsets.UTF_8);
        JsonNode form = post("multipart/form-data; boundary=b", multipart);
        assertTrue(form.get("isBase64Encoded").asBoolean());
        assertArrayEquals(multipart, Base64.getDecoder().decode(form.get("body").asText()));

        JsonNode json = post("application/json", "{\"message\":\"hi\"}".getBytes(StandardCharsets.UTF_8));
        assertFalse(json.get("isBase64Encoded").asBoolean());
        assertEquals("{\"message\":\"hi\"}", json.get("body").asText());
        assertEquals("POST /items", json.get("routeKey").asText());
    }

    @Test
    void theHandlersResponseIsWrittenBackWithCookiesAndDecodedBody() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/items/7?binary")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(201, response.statusCode());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xFF}, response.body());
        assertEquals("EchoFunction", response.headers().firstValue("x-function").orElseThrow());
        assertEquals(
                List.of("session=abc; Path=/", "theme=dark"), response.headers().allValues("set-cookie"));
    }

    @Test
    void greedyPathsUnknownRoutesAndOneHandlerInstance() throws Exception {
        JsonNode greedy = MAPPER.readTree(HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/files/a/b/c.txt"))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertEquals("a/b/c.txt", greedy.get("pathParameters").get("path").asText());

        HttpResponse<String> unknown = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/nothing")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", unknown.body());
        HttpResponse<String> wrongMethod = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/items/1")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, wrongMethod.statusCode());

        assertEquals(1, EchoHandler.INSTANCES.get(), "built once, reused like a warm Lambda container");
    }

    @Test
    void aBodyOverTenMegabytesIsA413() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/items"))
                        .header("content-type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[11 * 1024 * 1024]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("\"message\":\"Request Entity Too Large\""), "API Gateway's own field");
        assertTrue(response.body().contains("POST /api/v1/uploads/"), "and the way around it: " + response.body());
    }

    @Test
    void theRealTemplatesRoutesAreRead() throws Exception {
        List<SamTemplate.Route> routes = SamTemplate.read(
                        TestServer.repositoryRoot().resolve("template.yaml"))
                .routes();

        assertTrue(
                routes.stream()
                        .anyMatch(r -> r.method().equals("POST")
                                && r.path().equals("/api/v1/ocr")
                                && r.handler().equals("com.ocrchat.functions.ocr.SubmitOcrHandler::handleRequest")),
                routes.toString());
        assertTrue(
                routes.stream()
                        .anyMatch(r -> r.method().equals("GET") && r.path().equals("/api/v1/ocr/{uuid}")),
                routes.toString());
    }

    private static JsonNode post(String contentType, byte[] body) throws Exception {
        return MAPPER.readTree(HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/items/"))
                                .header("content-type", contentType)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }
}
