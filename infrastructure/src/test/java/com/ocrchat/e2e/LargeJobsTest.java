package com.ocrchat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.local.LocalServer;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import com.ocrchat.testing.WaitUntil;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files over the inline limit, end to end over HTTP: a 202 at once, chunks fanned out over SQS to the
 * worker handler (driven by the local event source mapping), progress, and the assembled result.
 */
class LargeJobsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static LocalServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        server = TestServer.get();
    }

    @Test
    void aThirtyPageScanIsAcceptedAtOnceAndFinishesWithEveryPageInOrder() throws Exception {
        Files.write(work.resolve("scan.pdf"), TestDocuments.scannedPdf(numberedPages(30)));

        long started = System.nanoTime();
        JsonNode accepted = curlJson(
                "-X",
                "POST",
                server.url() + "/api/v1/ocr/",
                "-H",
                "Authorization: Bearer " + server.devToken(),
                "-F",
                "file=@scan.pdf",
                "-w",
                "\n%{http_code}");
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(202, accepted.get("http_code").asInt(), accepted.toString());
        assertEquals("pending", accepted.get("status").asText());
        assertEquals(30, accepted.get("page_count").asInt());
        assertEquals(0, accepted.get("pages_done").asInt());
        assertTrue(seconds < 5, "accepted in " + seconds + " s");

        List<Integer> progress = new ArrayList<>();
        JsonNode job = poll(accepted.get("uuid").asText(), progress);
        assertEquals("done", job.get("status").asText(), job.toString());
        assertTrue(progress.stream().distinct().count() >= 2, "pages_done rose while polling: " + progress);
        assertEquals(30, job.get("pages_done").asInt());
        assertEquals(30, job.get("pages").size());
        String[] texts = job.get("text").asText().split("\f");
        assertEquals(30, texts.length);
        for (int i = 0; i < 30; i++) {
            assertEquals(i, job.get("pages").get(i).get("index").asInt());
            assertTrue(
                    texts[i].contains("Section " + (i + 1) + " of the report."), "page " + (i + 1) + ": " + texts[i]);
        }
    }

    @Test
    void thePythonExamplePollsATwelvePageScanToDone() throws Exception {
        assumeTrue(
                Files.exists(Path.of("/usr/bin/python3")), "Debian's python3 is needed (./ocrchat test installs it)");
        Files.write(work.resolve("invoice.pdf"), TestDocuments.scannedPdf(numberedPages(12)));
        try (InputStream in = LargeJobsTest.class.getResourceAsStream("/seed/client.py")) {
            Files.writeString(
                    work.resolve("client.py"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .replace("https://ocr.chat", server.url())
                            .replace("YOUR_API_TOKEN", server.devToken()));
        }

        String printed = run(List.of("/usr/bin/python3", "client.py"));

        assertTrue(
                printed.contains("Section 1 of the report.") && printed.contains("Section 12 of the report."), printed);
        assertEquals(11, printed.split("\n---\n", -1).length - 1, "a rule between each of the 12 pages");
    }

    @Test
    void tenJobsSubmittedAtOnceAllFinish() throws Exception {
        Files.write(work.resolve("six.pdf"), TestDocuments.smallPagesPdf(6));
        List<Process> submissions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            submissions.add(new ProcessBuilder(
                            "curl",
                            "-s",
                            "-X",
                            "POST",
                            server.url() + "/api/v1/ocr/",
                            "-H",
                            "Authorization: Bearer " + server.devToken(),
                            "-F",
                            "file=@six.pdf")
                    .directory(work.toFile())
                    .start());
        }
        List<String> uuids = new ArrayList<>();
        for (Process submission : submissions) {
            JsonNode job = MAPPER.readTree(submission.getInputStream().readAllBytes());
            assertTrue(submission.waitFor(30, TimeUnit.SECONDS));
            assertEquals("pending", job.get("status").asText(), job.toString());
            uuids.add(job.get("uuid").asText());
        }
        for (String uuid : uuids) {
            JsonNode job = poll(uuid, new ArrayList<>());
            assertEquals("done", job.get("status").asText());
            assertTrue(
                    job.get("text").asText().contains("Page number 6"),
                    job.get("text").asText());
        }
    }

    @Test
    void aFileUploadedThroughAPresignedUrlIsSubmittedByItsId() throws Exception {
        byte[] scan = TestDocuments.scannedPdf(numberedPages(2));
        Files.write(work.resolve("scan.pdf"), scan);
        JsonNode ticket = ticket(server.devToken(), scan.length);
        assertEquals(201, ticket.get("http_code").asInt(), ticket.toString());
        assertEquals("PUT", ticket.get("method").asText());
        assertEquals(scan.length, ticket.get("max_bytes").asLong());

        run(List.of("curl", "-s", "-f", "-T", "scan.pdf", ticket.get("url").asText()));
        JsonNode job = submitUpload(ticket);
        assertEquals(200, job.get("http_code").asInt(), job.toString());
        assertTrue(job.get("text").asText().contains("Section 2 of the report."));
        assertEquals("scan.pdf", job.get("filename").asText(), "named after the user's file, not the upload id");
        JsonNode again = submitUpload(ticket);
        assertEquals(200, again.get("http_code").asInt(), "a retry answers the same job: " + again);
        assertEquals(job.get("uuid").asText(), again.get("uuid").asText(), "one job, charged once");

        JsonNode other = ticket(null, scan.length);
        run(List.of("curl", "-s", "-f", "-T", "scan.pdf", other.get("url").asText()));
        JsonNode stolen = submitUpload(other);
        assertEquals(400, stolen.get("http_code").asInt(), "another caller's upload is unknown here: " + stolen);
        assertTrue(stolen.get("error").asText().contains("Unknown upload_id"));
    }

    @Test
    void aRepeatedIdempotencyKeyGivesTheSameUpload() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        JsonNode first = ticket(server.devToken(), 1000, key);
        assertEquals(201, first.get("http_code").asInt(), first.toString());
        JsonNode again = ticket(server.devToken(), 1000, key);
        assertEquals(201, again.get("http_code").asInt(), again.toString());
        assertEquals(first.get("upload_id").asText(), again.get("upload_id").asText());
        JsonNode another = ticket(server.devToken(), 2000, key);
        assertEquals(422, another.get("http_code").asInt(), another.toString());
        assertTrue(another.get("error").asText().contains("Idempotency-Key"), another.toString());
    }

    @Test
    void anUploadHoldsOnlyTheSizeItWasSignedForAndARefusedOneIsDeleted() throws Exception {
        byte[] scan = TestDocuments.scannedPdf(numberedPages(1));
        Files.write(work.resolve("scan.pdf"), scan);
        Files.write(work.resolve("larger.pdf"), java.util.Arrays.copyOf(scan, scan.length + 1000));
        JsonNode small = ticket(server.devToken(), scan.length - 1);
        String status = run(List.of(
                "curl",
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "-T",
                "larger.pdf",
                small.get("url").asText()));
        assertEquals("403", status, "S3 refuses a body of another length than the one signed");
        assertEquals(400, submitUpload(small).get("http_code").asInt(), "nothing was stored");

        JsonNode refused = ticket(server.devToken(), 5);
        Files.writeString(work.resolve("hello.txt"), "hello");
        run(List.of("curl", "-s", "-f", "-T", "hello.txt", refused.get("url").asText()));
        JsonNode notADocument = submitUpload(refused);
        assertEquals(400, notADocument.get("http_code").asInt(), notADocument.toString());
        assertTrue(notADocument.get("error").asText().contains("Unsupported"), notADocument.toString());
        JsonNode gone = submitUpload(refused);
        assertTrue(gone.get("error").asText().contains("Unknown upload_id"), "a refused upload is deleted: " + gone);

        assertEquals(400, ticket(server.devToken(), 0).get("http_code").asInt());
        assertEquals(
                400,
                ticket(server.devToken(), 51L * 1024 * 1024).get("http_code").asInt());
    }

    private JsonNode ticket(String token, long size) throws Exception {
        return ticket(token, size, null);
    }

    /** POST /api/v1/uploads/ {"size": size}, with the token and the idempotency key when there are. */
    private JsonNode ticket(String token, long size, String idempotencyKey) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                "-X",
                "POST",
                server.url() + "/api/v1/uploads/",
                "-H",
                "Content-Type: application/json",
                "-d",
                "{\"size\": " + size + ", \"filename\": \"scan.pdf\"}",
                "-w",
                "\n%{http_code}"));
        if (token != null) {
            arguments.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        if (idempotencyKey != null) {
            arguments.addAll(List.of("-H", "Idempotency-Key: " + idempotencyKey));
        }
        return curlJson(arguments.toArray(String[]::new));
    }

    private JsonNode submitUpload(JsonNode ticket) throws Exception {
        return curlJson(
                "-X",
                "POST",
                server.url() + "/api/v1/ocr/",
                "-H",
                "Authorization: Bearer " + server.devToken(),
                "-F",
                "upload_id=" + ticket.get("upload_id").asText(),
                "-w",
                "\n%{http_code}");
    }

    @AfterAll
    static void noJobIsLeftUnfinished() throws Exception {
        var jobs = TestServer.stores().jobs();
        assertEquals(
                List.of(),
                WaitUntil.value(
                        () -> jobs.unfinishedSince(Instant.now().plusSeconds(60)).stream()
                                .map(j -> j.uuid() + " " + j.status())
                                .toList(),
                        List::isEmpty,
                        Duration.ofMinutes(1)));
    }

    static List<BufferedImage> numberedPages(int count) {
        List<BufferedImage> pages = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            pages.add(TestPages.page("Page " + i, List.of("Section " + i + " of the report.")));
        }
        return pages;
    }

    /** GET the job until it is done or failed (at most two minutes), noting pages_done on the way. */
    private JsonNode poll(String uuid, List<Integer> progress) throws Exception {
        return WaitUntil.value(
                () -> {
                    JsonNode job = MAPPER.readTree(run(List.of(
                            "curl",
                            "-s",
                            server.url() + "/api/v1/ocr/" + uuid + "/",
                            "-H",
                            "Authorization: Bearer " + server.devToken())));
                    progress.add(job.get("pages_done").asInt());
                    return job;
                },
                job -> !List.of("pending", "processing")
                        .contains(job.get("status").asText()),
                Duration.ofMinutes(2));
    }

    private JsonNode curlJson(String... arguments) throws Exception {
        return Curl.json(work, arguments);
    }

    private String run(List<String> command) throws Exception {
        return Curl.run(work, command);
    }
}
