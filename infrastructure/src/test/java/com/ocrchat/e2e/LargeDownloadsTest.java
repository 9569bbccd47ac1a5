package com.ocrchat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.local.ApiGatewayEmulator;
import com.ocrchat.local.LocalServer;
import com.ocrchat.local.SamTemplate;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports too large for a Lambda response come as a 302 to a presigned S3 URL; the product page's
 * curl -L and Python requests examples, and Node's fetch, follow it and save the file.
 */
class LargeDownloadsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static ApiGatewayEmulator api;
    private static String base;
    private static LocalServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.get();
        try (var reader = new InputStreamReader(
                LargeDownloadsTest.class.getResourceAsStream("/redirecting-template.yaml"), StandardCharsets.UTF_8)) {
            api = ApiGatewayEmulator.start(SamTemplate.parse(reader), "127.0.0.1", 0);
        }
        base = "http://127.0.0.1:" + api.port();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theDownloadIsA302ToAPresignedUrlThatNeedsNoToken() throws Exception {
        String uuid = submitInvoice();
        HttpResponse<String> redirect = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/ocr/" + uuid + "/download/?format=md"))
                                .header("Authorization", "Bearer " + server.devToken())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(302, redirect.statusCode(), redirect.body());
        String location = redirect.headers().firstValue("location").orElseThrow();
        assertTrue(location.contains("X-Amz-Signature="), location);

        HttpResponse<String> file = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, file.statusCode());
        assertTrue(file.body().startsWith("# INVOICE"), file.body());
        assertTrue(file.headers().firstValue("content-disposition").orElse("").contains("invoice.md"));
    }

    @Test
    void curlDashLFollowsIt() throws Exception {
        Files.write(work.resolve("invoice.pdf"), TestDocuments.scannedPdf(List.of(TestPages.invoiceImage())));
        String[] steps = seed("client.sh").split("\n\n");
        String uuid = MAPPER.readTree(run(List.of("bash", "-c", steps[0])))
                .get("uuid")
                .asText();

        run(List.of("bash", "-c", steps[2].replace("UUID", uuid)));

        assertTrue(Files.readString(work.resolve("result.md")).contains("Total: 215.00 USD"));
    }

    @Test
    void thePythonExampleSavesTheWordDocument() throws Exception {
        assumeTrue(
                Files.exists(Path.of("/usr/bin/python3")), "Debian's python3 is needed (./ocrchat test installs it)");
        Files.write(work.resolve("invoice.pdf"), TestDocuments.scannedPdf(List.of(TestPages.invoiceImage())));
        Files.writeString(work.resolve("client.py"), seed("client.py"));

        run(List.of("/usr/bin/python3", "client.py"));

        try (XWPFDocument docx = new XWPFDocument(Files.newInputStream(work.resolve("result.docx")))) {
            String text = String.join(
                    "\n",
                    docx.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertTrue(text.contains("Total: 215.00 USD"), text);
        }
    }

    @Test
    void nodeFetchFollowsIt() throws Exception {
        String uuid = submitInvoice();
        Files.writeString(work.resolve("download.mjs"), """
                import fs from "fs";
                const r = await fetch(process.argv[2], { headers: { Authorization: "Bearer " + process.argv[3] } });
                if (!r.ok) { console.error(r.status, await r.text()); process.exit(1); }
                fs.writeFileSync("result.pdf", Buffer.from(await r.arrayBuffer()));
                """);

        run(List.of("node", "download.mjs", base + "/api/v1/ocr/" + uuid + "/download/?format=pdf", server.devToken()));

        assertTrue(Files.readString(work.resolve("result.pdf"), StandardCharsets.ISO_8859_1)
                .startsWith("%PDF-"));
    }

    private String submitInvoice() throws Exception {
        Files.write(work.resolve("invoice.png"), TestDocuments.png(TestPages.invoiceImage()));
        String output = run(List.of(
                "curl",
                "-s",
                "-X",
                "POST",
                base + "/api/v1/ocr/",
                "-H",
                "Authorization: Bearer " + server.devToken(),
                "-F",
                "file=@invoice.png"));
        JsonNode job = MAPPER.readTree(output);
        assertEquals("done", job.get("status").asText(), output);
        return job.get("uuid").asText();
    }

    private String seed(String name) throws Exception {
        try (InputStream in = LargeDownloadsTest.class.getResourceAsStream("/seed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("https://ocr.chat", base)
                    .replace("YOUR_API_TOKEN", server.devToken());
        }
    }

    private String run(List<String> command) throws Exception {
        return Curl.run(work, command);
    }
}
