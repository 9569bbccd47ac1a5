package com.ocrchat.api;

import static com.ocrchat.api.ApiEvents.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.auth.Plan;
import com.ocrchat.aws.AwsClients;
import com.ocrchat.aws.AwsSettings;
import com.ocrchat.functions.job.GetJobHandler;
import com.ocrchat.functions.ocr.SubmitOcrHandler;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The OCR routes through the real handlers, built as Lambda builds them, against the embedded AWS services. */
class OcrApiTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String IP = "203.0.113.7";
    private static SubmitOcrHandler submit;
    private static GetJobHandler get;
    private static String token;
    private static String otherToken;
    private static byte[] invoicePng;

    @BeforeAll
    static void setUp() {
        TestServer.get();
        submit = new SubmitOcrHandler();
        get = new GetJobHandler();
        token = TestServer.stores().accounts().create(Plan.PAID, 100).token();
        otherToken = TestServer.stores().accounts().create(Plan.FREE, 0).token();
        invoicePng = TestDocuments.png(TestPages.invoiceImage());
    }

    @Test
    void anInvoiceImageIsRecognizedInlineAndReadBack() throws Exception {
        JsonNode job = body(
                call(submit, ApiEvents.submit(token, IP, "invoice.png", invoicePng, fields("language", "en"))), 200);

        assertEquals("done", job.get("status").asText());
        assertEquals("cpu", job.get("tier").asText());
        assertEquals("cpu", job.get("requested_tier").asText());
        assertEquals("en", job.get("language").asText());
        assertEquals("invoice.png", job.get("filename").asText());
        assertEquals(1, job.get("page_count").asInt());
        assertEquals(1, job.get("pages_done").asInt());
        assertEquals(1, job.get("credits_charged").asInt());
        assertTrue(job.get("mean_confidence").asDouble() > 0.8
                && job.get("mean_confidence").asDouble() <= 1);
        for (String word : List.of("INVOICE", "Acme Corp", "INV-2026-0042", "Total: 215.00 USD")) {
            assertTrue(job.get("text").asText().contains(word), word + " in " + job.get("text"));
            assertTrue(job.get("markdown").asText().contains(word), word + " in " + job.get("markdown"));
        }
        assertTrue(job.get("markdown").asText().startsWith("# INVOICE"));
        JsonNode page = job.get("pages").get(0);
        assertEquals(0, page.get("index").asInt());
        assertEquals(1240, page.get("width").asInt());
        assertEquals(1754, page.get("height").asInt());
        for (JsonNode block : page.get("blocks")) {
            JsonNode box = block.get("bbox");
            assertTrue(
                    box.get(0).asInt() >= 0
                            && box.get(1).asInt() >= 0
                            && box.get(2).asInt() > box.get(0).asInt()
                            && box.get(3).asInt() > box.get(1).asInt()
                            && box.get(2).asInt() <= 1240
                            && box.get(3).asInt() <= 1754,
                    box.toString());
            assertTrue(block.get("confidence").asDouble() >= 0
                    && block.get("confidence").asDouble() <= 1);
            assertFalse(block.has("words"), "word detail stays in the stored result");
        }
        assertTrue(job.get("warnings").isEmpty());
        assertTrue(job.get("error").isNull());
        assertTrue(job.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));

        JsonNode again =
                body(call(get, ApiEvents.getJob(token, IP, job.get("uuid").asText())), 200);
        assertEquals(job.get("text"), again.get("text"));
        assertEquals(job.get("pages"), again.get("pages"));
        assertEquals("done", again.get("status").asText());
    }

    @Test
    void theUploadIsDeletedOnceProcessedAndTheResultIsKept() {
        JsonNode job = body(call(submit, ApiEvents.submit(token, IP, "invoice.png", invoicePng, Map.of())), 200);
        AwsSettings settings = TestServer.stores().settings();
        try (S3Client s3 = AwsClients.s3(settings)) {
            String uuid = job.get("uuid").asText();
            assertTrue(
                    s3.getObjectAsBytes(r -> r.bucket(settings.bucket()).key("results/" + uuid + "/result.json"))
                            .asUtf8String()
                            .contains("\"words\""),
                    "the stored result keeps word boxes");
            try {
                s3.headObject(r -> r.bucket(settings.bucket()).key("uploads/" + uuid));
                throw new AssertionError("the upload should be gone");
            } catch (NoSuchKeyException expected) {
                // Deleted, as the privacy promise says.
            }
        }
    }

    @Test
    void aTwoPagePdfKeepsItsPagesApart() {
        byte[] pdf = TestDocuments.textPdf(List.of(
                List.of("Quarterly report", "Revenue grew by twelve percent"),
                List.of("Appendix", "The warehouse moved to Springfield")));

        JsonNode job = body(call(submit, ApiEvents.submit(token, IP, "report.pdf", pdf, Map.of())), 200);

        assertEquals(2, job.get("page_count").asInt());
        assertEquals(2, job.get("credits_charged").asInt());
        String[] pages = job.get("text").asText().split("\f");
        assertEquals(2, pages.length);
        assertTrue(pages[0].contains("Revenue grew"), pages[0]);
        assertTrue(pages[1].contains("warehouse moved to Springfield"), pages[1]);
        assertTrue(job.get("markdown").asText().contains("\n\n---\n\n"));
        assertEquals(2480, job.get("pages").get(1).get("width").asInt(), "PDF pages are recognized at 300 dpi");
        assertEquals(1, job.get("pages").get(1).get("index").asInt());
    }

    @Test
    void aScanTurnedNinetyDegreesComesBackUprightWithItsWords() {
        java.awt.image.BufferedImage image = TestPages.invoiceImage();
        java.awt.image.BufferedImage turned = new java.awt.image.BufferedImage(
                image.getHeight(), image.getWidth(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                turned.setRGB(image.getHeight() - 1 - y, x, image.getRGB(x, y));
            }
        }

        JsonNode job = body(
                call(submit, ApiEvents.submit(token, IP, "sideways.png", TestDocuments.png(turned), Map.of())), 200);

        JsonNode page = job.get("pages").get(0);
        assertEquals(1240, page.get("width").asInt(), "reported in the upright page's space");
        assertEquals(1754, page.get("height").asInt());
        assertTrue(
                job.get("text").asText().contains("Total: 215.00 USD"),
                job.get("text").asText());
    }

    @Test
    void aMixedPdfGetsTextLayerPagesAndRecognizedPagesEachRight() throws Exception {
        byte[] pdf = TestDocuments.mixedPdf(
                List.of("Contract summary", "The parties agree to the terms below."),
                TestPages.page("Signature page", List.of("Signed in Springfield on March 3, 2027")));

        JsonNode job = body(call(submit, ApiEvents.submit(token, IP, "mixed.pdf", pdf, Map.of())), 200);

        JsonNode textPage = job.get("pages").get(0);
        assertEquals(
                "Contract summary\n\nThe parties agree to the terms below.",
                textPage.get("text").asText(),
                "taken from the text layer");
        assertEquals(1.0, textPage.get("blocks").get(0).get("confidence").asDouble());
        JsonNode scannedPage = job.get("pages").get(1);
        assertTrue(
                scannedPage.get("text").asText().contains("Signed in Springfield on March 3, 2027"),
                scannedPage.toString());
        assertTrue(scannedPage.get("blocks").get(0).get("confidence").asDouble() < 1.0, "recognized, not read");

        var pdfExport = new com.ocrchat.functions.download.DownloadHandler()
                .handleRequest(ApiEvents.download(token, IP, job.get("uuid").asText(), "pdf"), null);
        try (var exported =
                org.apache.pdfbox.Loader.loadPDF(java.util.Base64.getDecoder().decode(pdfExport.getBody()))) {
            assertEquals(2, exported.getNumberOfPages());
            assertFalse(
                    exported.getPage(0)
                            .getResources()
                            .getXObjectNames()
                            .iterator()
                            .hasNext(),
                    "the text page is kept as it was, not replaced by an image");
            assertTrue(
                    exported.getPage(1)
                            .getResources()
                            .getXObjectNames()
                            .iterator()
                            .hasNext(),
                    "the scanned page is its image");
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            String text = stripper.getText(exported);
            assertTrue(
                    text.contains("The parties agree to the terms below.") && text.contains("Signed in Springfield"),
                    text);
        }
    }

    @Test
    void tierVlmWithoutAProviderIsProcessedAndChargedAsCpuAndSaysSo() {
        JsonNode job =
                body(call(submit, ApiEvents.submit(token, IP, "invoice.png", invoicePng, fields("tier", "vlm"))), 200);

        assertEquals("cpu", job.get("tier").asText());
        assertEquals("vlm", job.get("requested_tier").asText());
        assertEquals(1, job.get("credits_charged").asInt());
        assertTrue(job.get("warnings").get(0).asText().contains("no vision model provider"));
    }

    @Test
    void jobsAreVisibleToTheirOwnerOnly() {
        String accountJob = body(call(submit, ApiEvents.submit(token, IP, "invoice.png", invoicePng, Map.of())), 200)
                .get("uuid")
                .asText();
        assertError(call(get, ApiEvents.getJob(otherToken, IP, accountJob)), 404, "No job");
        assertError(call(get, ApiEvents.getJob(null, IP, accountJob)), 404, "No job");

        String anonymousJob = body(
                        call(submit, ApiEvents.submit(null, "198.51.100.20", "invoice.png", invoicePng, Map.of())), 200)
                .get("uuid")
                .asText();
        assertEquals(
                "done",
                body(call(get, ApiEvents.getJob(null, "198.51.100.20", anonymousJob)), 200)
                        .get("status")
                        .asText());
        assertError(call(get, ApiEvents.getJob(null, "198.51.100.21", anonymousJob)), 404, "No job");
        assertError(call(get, ApiEvents.getJob(token, "198.51.100.20", anonymousJob)), 404, "No job");

        assertError(call(get, ApiEvents.getJob(token, IP, UUID.randomUUID().toString())), 404, "No job");
        assertError(call(get, ApiEvents.getJob(token, IP, "not-a-uuid")), 404, "No job");
    }

    @Test
    void tokensThatArePresentMustBeValid() {
        assertError(
                call(submit, ApiEvents.submit("YOUR_API_TOKEN", IP, "invoice.png", invoicePng, Map.of())),
                401,
                "Malformed");
        String unknown = "ocr_" + "A".repeat(43);
        assertError(
                call(submit, ApiEvents.submit(unknown, IP, "invoice.png", invoicePng, Map.of())),
                401,
                "Unknown or revoked");

        APIGatewayV2HTTPEvent basic = ApiEvents.submit(null, IP, "invoice.png", invoicePng, Map.of());
        basic.getHeaders().put("authorization", "Basic dXNlcjpwYXNz");
        assertError(call(submit, basic), 401, "Bearer");

        APIGatewayV2HTTPEvent query = ApiEvents.submit(null, IP, "invoice.png", invoicePng, Map.of());
        query.setQueryStringParameters(Map.of("api_token", token));
        String uuid = body(call(submit, query), 200).get("uuid").asText();
        assertEquals(
                "done",
                body(call(get, ApiEvents.getJob(token, IP, uuid)), 200)
                        .get("status")
                        .asText(),
                "?api_token= files the job under the account");
    }

    @Test
    void clientMistakesAreClear400s() {
        assertError(call(submit, ApiEvents.submit(token, IP, null, null, fields("tier", "cpu"))), 400, "No file");
        assertError(
                call(submit, ApiEvents.submit(token, IP, "notes.txt", "hello".getBytes(), Map.of())),
                400,
                "PNG, JPG, WEBP, GIF, BMP, TIFF, PDF");
        assertError(call(submit, ApiEvents.submit(token, IP, "empty.png", new byte[0], Map.of())), 400, "empty");
        assertError(
                call(submit, ApiEvents.submit(token, IP, "cut.png", Arrays.copyOf(invoicePng, 100), Map.of())),
                400,
                "corrupt or truncated");
        byte[] pdf = TestDocuments.textPdf(List.of(List.of("secret")));
        assertError(
                call(submit, ApiEvents.submit(token, IP, "cut.pdf", Arrays.copyOf(pdf, 300), Map.of())),
                400,
                "corrupt or truncated");
        assertError(
                call(submit, ApiEvents.submit(token, IP, "locked.pdf", TestDocuments.encryptedPdf(pdf), Map.of())),
                400,
                "password");
        assertError(
                call(submit, ApiEvents.submit(token, IP, "invoice.png", invoicePng, fields("tier", "gpu"))),
                400,
                "Unknown tier");
        assertError(
                call(submit, ApiEvents.submit(token, IP, "invoice.png", invoicePng, fields("tool", "nope"))),
                400,
                "Known tools");
        assertError(
                call(submit, ApiEvents.submit(token, IP, "invoice.png", invoicePng, fields("language", "klingon"))),
                400,
                "Unknown language");

        APIGatewayV2HTTPEvent json = ApiEvents.submit(token, IP, "invoice.png", invoicePng, Map.of());
        json.getHeaders().put("content-type", "application/json");
        json.setBody("{\"file\": \"invoice.png\"}");
        json.setIsBase64Encoded(false);
        assertError(call(submit, json), 400, "multipart/form-data");
    }

    @Test
    void aLanguageWhoseModelIsMissingSaysHowToInstallIt() {
        assumeFalse(com.ocrchat.ocr.EngineSettings.from(TestServer.envWith(Map.of()))
                .tessdata()
                .map(p -> p.resolve("yid.traineddata").toFile().exists())
                .orElse(false));

        assertError(
                call(submit, ApiEvents.submit(token, IP, "invoice.png", invoicePng, fields("language", "yi"))),
                400,
                "apt-get install tesseract-ocr-yid");
    }

    private static APIGatewayV2HTTPResponse call(
            com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>
                    handler,
            APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response, int status) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        assertTrue(response.getHeaders().get("content-type").startsWith("application/json"));
        try {
            return MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private static void assertError(APIGatewayV2HTTPResponse response, int status, String message) {
        JsonNode body = body(response, status);
        assertTrue(body.get("error").asText().contains(message), "expected '" + message + "' in " + body);
        assertNull(body.get("uuid"), "an error is not a job");
    }
}
