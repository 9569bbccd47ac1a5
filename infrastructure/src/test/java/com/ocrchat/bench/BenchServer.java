package com.ocrchat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole service as a user runs it: a fresh in-memory local server in its own JVM, with the options of
 * {@code ./ocrchat serve} (the embedded AWS stack,
 * the API Gateway emulator, the handlers), with {@code workers} queue pollers and as many OCR threads, reached
 * over HTTP.
 */
final class BenchServer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String base;
    final String token;
    private final Process process;

    private BenchServer(String base, String token, Process process) {
        this.base = base;
        this.token = token;
        this.process = process;
    }

    static BenchServer start(int workers, List<String> jvmOptions) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "@infrastructure/local-jvm.args"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-DOCRCHAT_OCR_THREADS=" + workers,
                "-cp",
                System.getProperty("java.class.path"),
                "com.ocrchat.local.LocalServer",
                "--in-memory",
                "--port",
                Integer.toString(port),
                "--workers",
                Integer.toString(workers),
                "--template",
                System.getProperty("ocrchat.template", "template.yaml")));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.redirectErrorStream(true);
        Process server = builder.start();
        try {
            return new BenchServer("http://127.0.0.1:" + port, awaitToken(server), server);
        } catch (Exception | Error e) {
            server.destroyForcibly();
            throw e;
        }
    }

    /** What one request carries locally (10 MB), less room for the form: a larger file goes through an upload. */
    private static final int MOST_REQUEST_FILE_BYTES = 9_000_000;

    /**
     * POST /api/v1/ocr/ with the file and form fields: the job as answered (done when read inline). A file larger than
     * a request carries is PUT to an upload's URL first, as the README says, and submitted by its {@code upload_id}.
     */
    JsonNode submit(byte[] file, String filename, Map<String, String> fields) throws Exception {
        String boundary = UUID.randomUUID().toString();
        var body = new java.io.ByteArrayOutputStream();
        boolean inline = file.length <= MOST_REQUEST_FILE_BYTES;
        Map<String, String> form = new java.util.LinkedHashMap<>(fields);
        if (!inline) {
            form.put("upload_id", upload(file, filename));
        }
        for (Map.Entry<String, String> field : form.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (inline) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + filename + "\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/ocr/"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return MAPPER.readTree(response.body());
    }

    /** POST /api/v1/uploads/, then the file PUT to the URL it answers: the upload's id. */
    private String upload(byte[] file, String filename) throws Exception {
        HttpResponse<String> ticket = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads/"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                MAPPER.writeValueAsString(Map.of("size", file.length, "filename", filename))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (ticket.statusCode() != 201) {
            throw new IllegalStateException("HTTP " + ticket.statusCode() + ": " + ticket.body());
        }
        JsonNode answer = MAPPER.readTree(ticket.body());
        HttpResponse<String> put = HTTP.send(
                HttpRequest.newBuilder(URI.create(answer.get("url").asText()))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("The upload's PUT: HTTP " + put.statusCode() + ": " + put.body());
        }
        return answer.get("upload_id").asText();
    }

    /** The job read to its end: answered inline, or past the inline deadline handed to the workers and polled. */
    JsonNode read(byte[] file, String filename, Map<String, String> fields) throws Exception {
        JsonNode job = submit(file, filename, fields);
        return job.get("status").asText().equals("done")
                ? job
                : await(job.get("uuid").asText());
    }

    /** Polls the job until it is done: its final JSON. */
    JsonNode await(String uuid) throws Exception {
        while (true) {
            JsonNode job = MAPPER.readTree(HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/ocr/" + uuid + "/"))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            String status = job.get("status").asText();
            if (status.equals("done")) {
                return job;
            }
            if (status.equals("failed")) {
                throw new IllegalStateException("The bench job failed: " + job.get("error"));
            }
            Thread.sleep(200);
        }
    }

    /** GET a download, following the 302 of a large export; fails unless it is a 200. */
    byte[] download(String uuid, String format) throws Exception {
        HttpResponse<byte[]> export = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/ocr/" + uuid + "/download/?format=" + format))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (export.statusCode() != 200) {
            throw new IllegalStateException("The " + format + " export failed: HTTP " + export.statusCode());
        }
        return export.body();
    }

    /** The server process's resident memory now ({@code VmRSS}) and at its peak so far ({@code VmHWM}), in MB. */
    double residentMb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("No " + field + " for the server process");
    }

    /** Stops the server as a user does (SIGTERM): its shutdown hooks run, a flight recording is written. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static String awaitToken(Process server) throws Exception {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Pattern token = Pattern.compile("(ocr_[A-Za-z0-9_-]{43})");
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Matcher found = token.matcher(line);
            if (found.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        lines.lines().forEach(ignored -> {});
                    } catch (java.io.UncheckedIOException serverStopped) {
                        // The server was stopped: nothing more to read.
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return found.group(1);
            }
        }
        throw new IllegalStateException("The local server did not start");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
