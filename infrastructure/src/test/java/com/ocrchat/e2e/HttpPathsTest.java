package com.ocrchat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.local.LocalServer;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Over HTTP: every path with and without its trailing slash, and JSON errors for what API Gateway refuses. */
class HttpPathsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void pathsWorkWithAndWithoutTheTrailingSlash() throws Exception {
        LocalServer server = TestServer.get();
        for (String submitPath : new String[] {"/api/v1/ocr", "/api/v1/ocr/"}) {
            HttpResponse<String> submitted =
                    HTTP.send(upload(server, submitPath), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, submitted.statusCode(), submitted.body());
            String uuid = MAPPER.readTree(submitted.body()).get("uuid").asText();
            for (String suffix : new String[] {"", "/"}) {
                HttpResponse<String> job = HTTP.send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/ocr/" + uuid + suffix))
                                .header("Authorization", "Bearer " + server.devToken())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, job.statusCode(), job.body());
                assertTrue(MAPPER.readTree(job.body()).get("text").asText().contains("215.00"));
            }
        }
    }

    @Test
    void anUnknownTokenOverHttpIsA401WithAJsonBody() throws Exception {
        LocalServer server = TestServer.get();
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/ocr/?api_token=nope"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode(), "GET /api/v1/ocr has no route");

        HttpResponse<String> unauthorized = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/ocr/?api_token=nope"))
                        .header("content-type", "multipart/form-data; boundary=x")
                        .POST(HttpRequest.BodyPublishers.ofString("--x--"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unauthorized.statusCode());
        JsonNode error = MAPPER.readTree(unauthorized.body());
        assertTrue(error.get("error").asText().contains("Malformed API token"), unauthorized.body());
    }

    @Test
    void onAFreshServerTheToolsAreListedAndEachToolsAnswerIsWhatItsUserExpects() throws Exception {
        LocalServer server = TestServer.get();
        HttpResponse<String> listed = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/tools/"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals(6, MAPPER.readTree(listed.body()).get("tools").size(), listed.body());

        HttpResponse<String> tables = HTTP.send(
                upload(
                        server,
                        "/api/v1/ocr/",
                        TestDocuments.png(TestPages.tablePage(true)),
                        Map.of("tool", "extract-tables")),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tables.statusCode(), tables.body());
        String uuid = MAPPER.readTree(tables.body()).get("uuid").asText();
        HttpResponse<String> csv = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/ocr/" + uuid + "/download/?format=csv"))
                        .header("Authorization", "Bearer " + server.devToken())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(
                "Item,Quantity,Price\r\nWidget assembly,2,150.00\r\nSupport plan,1,65.00\r\nCable,4,12.50\r\n",
                csv.body());

        HttpResponse<String> translate = HTTP.send(
                upload(
                        server,
                        "/api/v1/ocr/",
                        TestDocuments.png(TestPages.invoiceImage()),
                        Map.of("tool", "translate", "translate_to", "fr")),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, translate.statusCode(), translate.body());
        assertTrue(MAPPER.readTree(translate.body())
                .get("error")
                .asText()
                .contains("no translation provider is configured"));

        HttpResponse<String> nope = HTTP.send(
                upload(server, "/api/v1/ocr/", TestDocuments.png(TestPages.invoiceImage()), Map.of("tool", "nope")),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, nope.statusCode(), nope.body());
        assertTrue(MAPPER.readTree(nope.body())
                .get("error")
                .asText()
                .contains("Known tools: image-to-text, pdf-to-text, extract-tables"));
    }

    private static HttpRequest upload(LocalServer server, String path) {
        return upload(server, path, TestDocuments.png(TestPages.invoiceImage()), Map.of());
    }

    private static HttpRequest upload(LocalServer server, String path, byte[] png, Map<String, String> fields) {
        String boundary = "boundary7";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"page.png\"\r\n"
                                + "Content-Type: image/png\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(png);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + server.devToken())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
    }
}
