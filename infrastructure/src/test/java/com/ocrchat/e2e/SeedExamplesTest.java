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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product page's own client examples (src/test/resources/seed, copied verbatim from ../shared/seed),
 * run against the local server over HTTP with only the base URL and the token swapped, on documents
 * this test renders: an invoice scanned into a PDF, and a two-page born-digital PDF.
 */
class SeedExamplesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static LocalServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void startServer() {
        server = TestServer.get();
    }

    @Test
    void theCurlExampleSubmitsAndPolls() throws Exception {
        Files.write(work.resolve("invoice.pdf"), TestDocuments.scannedPdf(List.of(TestPages.invoiceImage())));
        String[] steps = seed("client.sh").split("\n\n");

        JsonNode submitted = MAPPER.readTree(run(List.of("bash", "-c", steps[0])));
        assertEquals("done", submitted.get("status").asText());
        assertEquals("vlm", submitted.get("requested_tier").asText());
        assertTrue(
                submitted.get("text").asText().contains("Total: 215.00 USD"),
                submitted.get("text").asText());
        assertTrue(
                submitted.get("markdown").asText().contains("# INVOICE"),
                submitted.get("markdown").asText());

        String uuid = submitted.get("uuid").asText();
        JsonNode polled = MAPPER.readTree(run(List.of("bash", "-c", steps[1].replace("UUID", uuid))));
        assertEquals(submitted.get("text"), polled.get("text"));
        assertEquals("done", polled.get("status").asText());

        run(List.of("bash", "-c", steps[2].replace("UUID", uuid)));
        assertEquals(submitted.get("markdown").asText(), Files.readString(work.resolve("result.md")));

        // The same download command for every other format.
        for (String format : List.of("txt", "docx", "pdf", "csv", "json")) {
            run(List.of(
                    "bash",
                    "-c",
                    steps[2].replace("UUID", uuid)
                            .replace("format=md", "format=" + format)
                            .replace("result.md", "result." + format)));
        }
        assertEquals(submitted.get("text").asText(), Files.readString(work.resolve("result.txt")));
        assertTrue(
                Files.readString(work.resolve("result.docx"), StandardCharsets.ISO_8859_1)
                        .startsWith("PK"),
                "a docx is a zip");
        assertTrue(Files.readString(work.resolve("result.pdf"), StandardCharsets.ISO_8859_1)
                .startsWith("%PDF-"));
        assertTrue(Files.readString(work.resolve("result.csv")).startsWith("page,block,text,x0,y0,x1,y1,confidence"));
        assertEquals(
                uuid,
                MAPPER.readTree(work.resolve("result.json").toFile())
                        .get("uuid")
                        .asText());
    }

    @Test
    void thePythonExamplePrintsTheMarkdown() throws Exception {
        assumeTrue(
                Files.exists(Path.of("/usr/bin/python3")), "Debian's python3 is needed (./ocrchat test installs it)");
        Files.write(
                work.resolve("invoice.pdf"),
                TestDocuments.textPdf(List.of(
                        List.of("Quarterly report", "Revenue grew by twelve percent"),
                        List.of("Appendix", "The warehouse moved to Springfield"))));
        Files.writeString(work.resolve("client.py"), seed("client.py"));

        String printed = run(List.of("/usr/bin/python3", "client.py"));

        assertTrue(printed.contains("Revenue grew by twelve percent"), printed);
        assertTrue(printed.contains("---"), "the page rule between the two pages: " + printed);
        assertTrue(printed.contains("The warehouse moved to Springfield"), printed);
        try (var docx =
                new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(work.resolve("result.docx")))) {
            String text = String.join(
                    "\n",
                    docx.getParagraphs().stream()
                            .map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText)
                            .toList());
            assertTrue(
                    text.contains("Revenue grew by twelve percent")
                            && text.contains("The warehouse moved to Springfield"),
                    text);
        }
    }

    @Test
    void theNodeExamplePrintsTheMarkdown() throws Exception {
        Files.write(work.resolve("invoice.pdf"), TestDocuments.scannedPdf(List.of(TestPages.invoiceImage())));
        Files.writeString(work.resolve("client.mjs"), seed("client.mjs"));

        String printed = run(List.of("node", "client.mjs"));

        assertTrue(printed.startsWith("# INVOICE"), printed);
        assertTrue(printed.contains("INV-2026-0042") && printed.contains("215.00 USD"), printed);
    }

    @Test
    void theChatCurlExampleAnswersTheInvoiceQuestionAndTheHistoryHasIt() throws Exception {
        Files.write(work.resolve("invoice.pdf"), TestDocuments.scannedPdf(List.of(TestPages.invoiceImage())));
        String uuid = MAPPER.readTree(
                        run(List.of("bash", "-c", seed("client.sh").split("\n\n")[0])))
                .get("uuid")
                .asText();

        JsonNode reply =
                MAPPER.readTree(run(List.of("bash", "-c", seed("chat.sh").replace("9f2c1b7e4a...", uuid))));

        assertEquals("assistant", reply.get("message").get("role").asText());
        assertTrue(reply.get("message").get("content").asText().contains("215.00"), reply.toString());
        assertEquals(1, reply.get("message").get("citations").get(0).get("page").asInt());
        JsonNode history = MAPPER.readTree(run(List.of(
                "curl",
                "-s",
                server.url() + "/api/v1/chat/" + uuid + "/history/",
                "-H",
                "Authorization: Bearer " + server.devToken())));
        JsonNode messages = history.get("conversations").get(0).get("messages");
        assertEquals(
                "What is the invoice total and due date?",
                messages.get(0).get("content").asText());
        assertEquals(reply.get("message").get("content"), messages.get(1).get("content"));
    }

    @Test
    void ourCopiesAreTheProductPagesOwnExamples() throws IOException {
        Path seed = TestServer.sharedFolder().resolve("seed/000_8e56effb16ba48f5.txt");
        assumeTrue(Files.exists(seed), "Skipped: " + seed + " is absent");
        String page = Files.readString(seed);
        for (String example : List.of("client.sh", "client.py", "client.mjs", "chat.sh")) {
            assertTrue(
                    page.contains(original(example).strip()),
                    example + " must be copied verbatim from the product page");
        }
    }

    /** An example with only the base URL and the token swapped. */
    private static String seed(String name) throws IOException {
        return original(name).replace("https://ocr.chat", server.url()).replace("YOUR_API_TOKEN", server.devToken());
    }

    private static String original(String name) throws IOException {
        try (InputStream in = SeedExamplesTest.class.getResourceAsStream("/seed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String run(List<String> command) throws Exception {
        // Standard output is what the example prints; curl's progress meter goes to standard error.
        Path errors = work.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectError(errors.toFile())
                .start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), command + " failed:\n" + text + Files.readString(errors));
        return text;
    }
}
