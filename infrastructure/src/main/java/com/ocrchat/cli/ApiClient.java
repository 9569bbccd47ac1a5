package com.ocrchat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * The public API as a client calls it, with nothing of the server's code: submit (in the request, or through a
 * presigned upload above {@link #ONE_REQUEST_BYTES}), poll, download. A 4xx or 5xx becomes a {@link Failure}
 * carrying the server's own message.
 */
final class ApiClient {
    /** What one request may carry on AWS (Lambda's 6 MB of base64), with room for the form around the file. */
    static final long ONE_REQUEST_BYTES = 4_000_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]+)\"");

    /** The server said no: its status and message. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** An export: the server's file name for it, and its bytes. */
    record Export(String filename, byte[] bytes) {}

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL) // a large export is a 302 to a presigned URL
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String server;
    private final String token;

    ApiClient(String server, String token) {
        this.server = server.replaceAll("/+$", "");
        this.token = token;
    }

    /** POST /api/v1/ocr/ with the file (or its upload) and the choices; the job as answered (200 or 202). */
    JsonNode submit(Path file, byte[] bytes, Map<String, String> fields)
            throws Failure, IOException, InterruptedException {
        MultipartEntityBuilder form = MultipartEntityBuilder.create();
        fields.forEach((name, value) ->
                form.addTextBody(name, value, ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8)));
        String filename = file.getFileName().toString();
        if (bytes.length > ONE_REQUEST_BYTES) {
            form.addTextBody("upload_id", upload(filename, bytes));
        } else {
            form.addBinaryBody("file", bytes, ContentType.APPLICATION_OCTET_STREAM, filename);
        }
        HttpEntity entity = form.build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        entity.writeTo(body);
        return json(send(authorized(URI.create(server + "/api/v1/ocr/"))
                .header("Content-Type", entity.getContentType())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
    }

    /** A presigned upload: the ticket, then the PUT of exactly the file's bytes; the upload's id. */
    private String upload(String filename, byte[] bytes) throws Failure, IOException, InterruptedException {
        String ticketBody = MAPPER.writeValueAsString(Map.of("size", bytes.length, "filename", filename));
        JsonNode ticket = json(send(authorized(URI.create(server + "/api/v1/uploads/"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(ticketBody))));
        send(HttpRequest.newBuilder(URI.create(ticket.get("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        return ticket.get("upload_id").asText();
    }

    JsonNode job(String uuid) throws Failure, IOException, InterruptedException {
        return json(send(
                authorized(URI.create(server + "/api/v1/ocr/" + uuid + "/")).GET()));
    }

    Export download(String uuid, String format) throws Failure, IOException, InterruptedException {
        HttpResponse<byte[]> response = send(authorized(URI.create(server + "/api/v1/ocr/" + uuid + "/download/?format="
                        + URLEncoder.encode(format, StandardCharsets.UTF_8)))
                .GET());
        String disposition =
                response.headers().firstValue("content-disposition").orElse("");
        Matcher name = FILENAME.matcher(disposition);
        return new Export(
                name.find() ? Path.of(name.group(1)).getFileName().toString() : uuid + "." + format, response.body());
    }

    private HttpRequest.Builder authorized(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2));
        return token == null || token.isBlank() ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Failure, IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw new Failure("HTTP " + response.statusCode() + ": " + message(response.body()));
        }
        return response;
    }

    /** The server's "error" (or API Gateway's "message"), else the body's start. */
    private static String message(byte[] body) {
        try {
            JsonNode json = MAPPER.readTree(body);
            return Optional.ofNullable(json.get("error"))
                    .or(() -> Optional.ofNullable(json.get("message")))
                    .map(JsonNode::asText)
                    .orElse(json.toString());
        } catch (IOException notJson) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            return text.length() > 300 ? text.substring(0, 300) + "..." : text;
        }
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return MAPPER.readTree(response.body());
    }
}
