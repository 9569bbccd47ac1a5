package com.ocrchat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.testing.TestDocuments;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ./ocrchat bench: measurements printed as ratios, never a pass or fail. Large jobs: the wall time of
 * a 30-page scanned PDF on a fresh local server with 1 worker (1 OCR thread) against 2 workers (2 OCR
 * threads), modelling Lambda, where each worker has its own core.
 */
public final class Bench {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<BufferedImage> pages = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            List<String> lines = new ArrayList<>();
            for (int line = 1; line <= 18; line++) {
                lines.add("Section " + i + "." + line + ": the committee reviewed invoice " + (1000 + i * 20 + line) + " and its totals.");
            }
            pages.add(TestDocuments.page("Page " + i, lines));
        }
        byte[] scan = TestDocuments.scannedPdf(pages);
        System.out.printf(Locale.ROOT, "Large jobs: a 30-page scanned PDF (A4, 18 lines a page), chunks of 5 pages, through the local server%n");
        double one = largeJob(scan, 1);
        System.out.printf(Locale.ROOT, "  1 worker  (1 OCR thread):  %6.1f s%n", one);
        double two = largeJob(scan, 2);
        System.out.printf(Locale.ROOT, "  2 workers (2 OCR threads): %6.1f s%n", two);
        System.out.printf(Locale.ROOT, "  speed-up with 2 workers: %.2fx (target >= 1.7x)%n", one / two);
        System.exit(0);
    }

    /** Seconds from POST to done on a fresh in-memory server with {@code workers} pollers and as many OCR threads. */
    private static double largeJob(byte[] pdf, int workers) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Djava.awt.headless=true",
                "-DOCRCHAT_OCR_THREADS=" + workers, "-cp", System.getProperty("java.class.path"),
                "com.ocrchat.local.LocalServer", "--in-memory", "--port", Integer.toString(port), "--workers", Integer.toString(workers),
                "--template", System.getProperty("ocrchat.template", "template.yaml")));
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.redirectErrorStream(true);
        Process server = builder.start();
        try {
            String token = awaitToken(server);
            String base = "http://127.0.0.1:" + port;
            // A warm-up page, so both runs start with a warm JVM and Tesseract handles.
            await(base, token, submit(base, token, TestDocuments.smallPagesPdf(6)));
            long start = System.nanoTime();
            await(base, token, submit(base, token, pdf));
            return (System.nanoTime() - start) / 1e9;
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    private static String awaitToken(Process server) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Pattern token = Pattern.compile("(ocr_[A-Za-z0-9_-]{43})");
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Matcher found = token.matcher(line);
            if (found.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        lines.lines().forEach(ignored -> { });
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

    private static String submit(String base, String token, byte[] pdf) throws Exception {
        String boundary = UUID.randomUUID().toString();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.pdf\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ocr/"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        return MAPPER.readTree(response.body()).get("uuid").asText();
    }

    private static void await(String base, String token, String uuid) throws Exception {
        while (true) {
            JsonNode job = MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ocr/" + uuid + "/"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            String status = job.get("status").asText();
            if (status.equals("done")) {
                return;
            }
            if (status.equals("failed")) {
                throw new IllegalStateException("The bench job failed: " + job.get("error"));
            }
            Thread.sleep(200);
        }
    }

    private static String javaBinary() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
