package com.ocrchat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.local.LocalServer;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.TestDocuments;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Over HTTP: every path with and without its trailing slash, and JSON errors for what API Gateway refuses. */
class HttpPathsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void pathsWorkWithAndWithoutTheTrailingSlash() throws Exception {
        LocalServer server = TestServer.get();
        for (String submitPath : new String[] {"/api/v1/ocr", "/api/v1/ocr/"}) {
            HttpResponse<String> submitted = HTTP.send(upload(server, submitPath), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, submitted.statusCode(), submitted.body());
            String uuid = MAPPER.readTree(submitted.body()).get("uuid").asText();
            for (String suffix : new String[] {"", "/"}) {
                HttpResponse<String> job = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/ocr/" + uuid + suffix))
                        .header("Authorization", "Bearer " + server.devToken()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, job.statusCode(), job.body());
                assertTrue(MAPPER.readTree(job.body()).get("text").asText().contains("215.00"));
            }
        }
    }

    @Test
    void anUnknownTokenOverHttpIsA401WithAJsonBody() throws Exception {
        LocalServer server = TestServer.get();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/ocr/?api_token=nope"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode(), "GET /api/v1/ocr has no route");

        HttpResponse<String> unauthorized = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/ocr/?api_token=nope"))
                .header("content-type", "multipart/form-data; boundary=x").POST(HttpRequest.BodyPublishers.ofString("--x--")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unauthorized.statusCode());
        JsonNode error = MAPPER.readTree(unauthorized.body());
        assertTrue(error.get("error").asText().contains("Malformed API token"), unauthorized.body());
    }

    private static HttpRequest upload(LocalServer server, String path) {
        String boundary = "boundary7";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoice.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(TestDocuments.png(TestDocuments.invoiceImage()));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + server.devToken())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }
}
