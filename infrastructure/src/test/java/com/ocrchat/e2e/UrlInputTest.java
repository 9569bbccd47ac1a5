package com.ocrchat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.ocrchat.local.LocalServer;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/v1/ocr/ with url=...: the local server fetches the document from a web server on this machine. */
class UrlInputTest {
    private static LocalServer server;
    private static LoopbackWeb web;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.get();
        web = LoopbackWeb.start();
        web.serve(
                "/scans/", // a prefix: the server matches the decoded path
                TestDocuments.scannedPdf(List.of(
                        TestPages.page("Report", List.of("Revenue grew in the third quarter.")),
                        TestPages.page("Outlook", List.of("The board expects steady growth.")))),
                "application/octet-stream");
        web.serve("/big.pdf", new byte[51 * 1024 * 1024], "application/pdf");
        web.redirect("/moved.pdf", "http://169.254.169.254/latest/meta-data/");
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void aDocumentAtAUrlIsReadAsIfItWereSent() throws Exception {
        JsonNode job = submit("url=" + web.url("/scans/Quarterly%20report.pdf"));
        assertEquals(200, job.get("http_code").asInt(), job.toString());
        assertEquals("done", job.get("status").asText());
        assertEquals(2, job.get("page_count").asInt());
        assertTrue(job.get("text").asText().contains("Revenue grew in the third quarter."), job.toString());
        assertEquals("Quarterly report.pdf", job.get("filename").asText(), "named after the URL's last segment");

        // A presigned URL with a session token runs past 1 KB: a url field takes 2 KB.
        JsonNode signed =
                submit("url=" + web.url("/scans/Quarterly%20report.pdf?X-Amz-Security-Token=" + "a".repeat(1500)));
        assertEquals(200, signed.get("http_code").asInt(), signed.toString());
    }

    @Test
    void urlsThatMayNotBeFetchedAreRefusedWithTheReason() throws Exception {
        assertRefused(submit("url=http://169.254.169.254/latest/meta-data/"), 400, "not on the public internet");
        assertRefused(submit("url=http://10.0.0.1/scan.pdf"), 400, "not on the public internet");
        assertRefused(submit("url=" + web.url("/moved.pdf")), 400, "redirects are not followed");
        assertRefused(submit("url=" + web.url("/missing.pdf")), 400, "HTTP 404");
        assertRefused(submit("url=file:///etc/passwd"), 400, "https://");
        assertRefused(submit("url=" + web.url("/big.pdf")), 400, "larger than this server accepts");
    }

    @Test
    void aFileAndAUrlTogetherAreAMistake() throws Exception {
        java.nio.file.Files.write(work.resolve("a.png"), TestDocuments.png(TestPages.invoiceImage()));
        JsonNode both = Curl.json(
                work,
                "-X",
                "POST",
                server.url() + "/api/v1/ocr/",
                "-H",
                "Authorization: Bearer " + server.devToken(),
                "-F",
                "file=@a.png",
                "-F",
                "url=" + web.url("/scans/Quarterly%20report.pdf"),
                "-w",
                "\n%{http_code}");
        assertRefused(both, 400, "one way");
    }

    private JsonNode submit(String field) throws Exception {
        return Curl.json(
                work,
                "-X",
                "POST",
                server.url() + "/api/v1/ocr/",
                "-H",
                "Authorization: Bearer " + server.devToken(),
                "-F",
                field,
                "-w",
                "\n%{http_code}");
    }

    private static void assertRefused(JsonNode answer, int status, String reason) {
        assertEquals(status, answer.get("http_code").asInt(), answer.toString());
        assertTrue(answer.get("error").asText().contains(reason), answer.toString());
    }
}
