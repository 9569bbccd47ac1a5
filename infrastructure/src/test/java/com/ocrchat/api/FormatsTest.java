package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.auth.Plan;
import com.ocrchat.functions.ocr.SubmitOcrHandler;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every input format of the contract, decided from the bytes, recognized through the real handler. */
class FormatsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static SubmitOcrHandler submit;
    private static String token;
    private static BufferedImage invoice;

    @BeforeAll
    static void setUp() {
        TestServer.get();
        submit = new SubmitOcrHandler();
        token = TestServer.stores().accounts().create(Plan.PAID, 100).token();
        invoice = TestPages.invoiceImage();
    }

    @Test
    void everyImageFormatIsRecognized() throws Exception {
        Map<String, byte[]> files = Map.of(
                "scan.png", TestDocuments.png(invoice),
                "scan.jpg", TestDocuments.encode(invoice, "jpg"),
                "scan.bmp", TestDocuments.encode(invoice, "bmp"),
                "scan.webp", TestDocuments.resource("invoice.webp"),
                "scan.tif", TestDocuments.multiPageTiff(List.of(invoice)));
        for (var file : files.entrySet()) {
            JsonNode job = submit(file.getKey(), file.getValue());
            assertEquals(1, job.get("page_count").asInt(), file.getKey());
            assertTrue(job.get("text").asText().contains("Total: 215.00 USD"), file.getKey() + ": " + job.get("text"));
        }
    }

    @Test
    void everyPageOfAMultiPageTiffIsAPageAndAGifIsItsFirstFrame() throws Exception {
        BufferedImage second = TestPages.page("Receipt", List.of("Paid in full on December 1, 2026"));

        JsonNode tiff = submit("pages.tiff", TestDocuments.multiPageTiff(List.of(invoice, second)));
        assertEquals(2, tiff.get("page_count").asInt());
        assertTrue(tiff.get("pages").get(1).get("text").asText().contains("Paid in full"), tiff.toString());

        JsonNode gif = submit("moving.gif", TestDocuments.animatedGif(List.of(invoice, second)));
        assertEquals(1, gif.get("page_count").asInt());
        assertTrue(
                gif.get("text").asText().contains("Acme Corp"), gif.get("text").asText());
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() throws Exception {
        JsonNode job = submit("definitely-a-pdf.pdf", TestDocuments.png(invoice));
        assertTrue(job.get("text").asText().contains("INVOICE"));
    }

    private static JsonNode submit(String name, byte[] bytes) throws Exception {
        var response = submit.handleRequest(ApiEvents.submit(token, "203.0.113.130", name, bytes, Map.of()), null);
        assertEquals(200, response.getStatusCode(), name + ": " + response.getBody());
        return MAPPER.readTree(response.getBody());
    }
}
