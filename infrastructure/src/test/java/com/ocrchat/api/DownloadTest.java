package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.functions.download.DownloadHandler;
import com.ocrchat.functions.ocr.SubmitOcrHandler;
import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobStatus;
import com.ocrchat.local.TestServer;
import com.ocrchat.metering.Charge;
import com.ocrchat.settings.Limits;
import com.ocrchat.testing.AltoSchema;
import com.ocrchat.testing.Cer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestJobs;
import com.ocrchat.testing.TestPages;
import com.ocrchat.testing.WaitUntil;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eight export formats through the real download handler, each checked for what a user opens it for. */
class DownloadTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String IP = "203.0.113.90";
    private static DownloadHandler download;
    private static String token;
    private static JsonNode invoice;
    private static JsonNode scan;

    @TempDir
    Path work;

    @BeforeAll
    static void setUp() throws Exception {
        TestServer.get();
        download = new DownloadHandler();
        SubmitOcrHandler submit = new SubmitOcrHandler();
        token = TestServer.stores().accounts().create(Plan.PAID, 100).token();
        invoice = MAPPER.readTree(submit.handleRequest(
                        ApiEvents.submit(
                                token, IP, "invoice.png", TestDocuments.png(TestPages.invoiceImage()), Map.of()),
                        null)
                .getBody());
        scan = MAPPER.readTree(submit.handleRequest(
                        ApiEvents.submit(
                                token,
                                IP,
                                "scan.pdf",
                                TestDocuments.scannedPdf(List.of(
                                        TestPages.invoiceImage(),
                                        TestPages.page(
                                                "Minutes",
                                                List.of(
                                                        "The board approved the budget for 2027.",
                                                        "Next meeting: March 3, 2027")),
                                        TestPages.page(
                                                "Appendix", List.of("Warehouse inventory was counted on Friday.")))),
                                Map.of()),
                        null)
                .getBody());
        assertEquals("done", scan.get("status").asText(), scan.toString());
    }

    @Test
    void txtAndMdAreTheJobsTextAndMarkdown() {
        APIGatewayV2HTTPResponse txt = get(scan, "txt");
        assertEquals("text/plain; charset=utf-8", txt.getHeaders().get("content-type"));
        assertTrue(txt.getHeaders().get("content-disposition").startsWith("attachment; filename=\"scan.txt\""));
        assertEquals(scan.get("text").asText(), new String(bytes(txt), StandardCharsets.UTF_8));
        assertEquals(
                2, scan.get("text").asText().chars().filter(c -> c == '\f').count(), "pages separated by form feeds");

        APIGatewayV2HTTPResponse md = get(scan, "md");
        assertEquals("text/markdown; charset=utf-8", md.getHeaders().get("content-type"));
        assertEquals(scan.get("markdown").asText(), new String(bytes(md), StandardCharsets.UTF_8));
    }

    @Test
    void theWordDocumentReadsBackWithHeadingsAndPages() throws Exception {
        APIGatewayV2HTTPResponse docx = get(scan, "docx");
        assertEquals(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                docx.getHeaders().get("content-type"));
        assertTrue(docx.getHeaders().get("content-disposition").contains("filename=\"scan.docx\""));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes(docx)))) {
            String text = document.getParagraphs().stream()
                    .map(XWPFParagraph::getText)
                    .reduce("", (a, b) -> a + "\n" + b);
            for (String words : List.of("INVOICE", "Total: 215.00 USD", "approved the budget", "Warehouse inventory")) {
                assertTrue(text.contains(words), words + " in " + text);
            }
            List<String> headings = document.getParagraphs().stream()
                    .filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText)
                    .toList();
            assertEquals(List.of("INVOICE", "Minutes", "Appendix"), headings);
            assertTrue(document.getStyles().styleExist("Heading1"));
            long pageBreaks = document.getParagraphs().stream()
                    .filter(p -> p.getCTP().xmlText().contains("w:type=\"page\""))
                    .count();
            assertEquals(2, pageBreaks, "a page break between each of the three pages");
        }
        Path file = work.resolve("scan.docx");
        Files.write(file, bytes(docx));
        convertsWithLibreOfficeWhereInstalled(file);
    }

    /** hOCR and ALTO of a recognized scan: the schema holds, and every recognized word is there with its box. */
    @Test
    void hocrAndAltoCarryTheRecognizedWordsWithBoxes() throws Exception {
        APIGatewayV2HTTPResponse alto = get(scan, "alto");
        assertEquals("application/xml; charset=utf-8", alto.getHeaders().get("content-type"));
        assertTrue(alto.getHeaders().get("content-disposition").contains("filename=\"scan.xml\""));
        AltoSchema.validate(bytes(alto));
        org.w3c.dom.Document altoXml = AltoSchema.parse(bytes(alto));
        org.w3c.dom.NodeList strings = altoXml.getElementsByTagNameNS(AltoSchema.NAMESPACE, "String");
        StringBuilder altoWords = new StringBuilder();
        for (int i = 0; i < strings.getLength(); i++) {
            org.w3c.dom.Element string = (org.w3c.dom.Element) strings.item(i);
            altoWords.append(string.getAttribute("CONTENT")).append(' ');
            assertTrue(Integer.parseInt(string.getAttribute("WIDTH")) > 0);
        }
        assertEquals(
                3, altoXml.getElementsByTagNameNS(AltoSchema.NAMESPACE, "Page").getLength());
        for (String word : List.of("INVOICE", "215.00", "approved", "Warehouse")) {
            assertTrue(altoWords.toString().contains(word), word + " in " + altoWords);
        }

        APIGatewayV2HTTPResponse hocr = get(scan, "hocr");
        assertEquals("application/xhtml+xml; charset=utf-8", hocr.getHeaders().get("content-type"));
        String hocrText = new String(bytes(hocr), StandardCharsets.UTF_8);
        assertEquals(3, hocrText.split("class=\"ocr_page\"", -1).length - 1);
        assertEquals(strings.getLength(), hocrText.split("class=\"ocrx_word\"", -1).length - 1, "the same words");
        assertTrue(hocrText.contains(">215.00</span>"), hocrText);
    }

    @Test
    void theSearchablePdfGivesBackTheRecognizedText() throws Exception {
        APIGatewayV2HTTPResponse pdf = get(scan, "pdf");
        assertEquals("application/pdf", pdf.getHeaders().get("content-type"));
        Path file = work.resolve("scan.pdf");
        Files.write(file, bytes(pdf));

        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            assertEquals(3, document.getNumberOfPages());
            assertTrue(
                    document.getPage(0)
                            .getResources()
                            .getXObjectNames()
                            .iterator()
                            .hasNext(),
                    "the page image is there");
            assertTrue(new PDFTextStripper().getText(document).contains("Total: 215.00 USD"));
        }
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/pdftotext")),
                "pdftotext (poppler-utils) is needed; ./ocrchat test installs it");
        Process pdftotext = new ProcessBuilder("pdftotext", "-raw", file.toString(), "-").start();
        String extracted = new String(pdftotext.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(pdftotext.waitFor(60, TimeUnit.SECONDS) && pdftotext.exitValue() == 0);
        double cer = Cer.of(scan.get("text").asText(), extracted);
        assertTrue(
                cer < 0.01,
                "character error rate " + cer + "\nexpected: "
                        + scan.get("text").asText() + "\ngot: " + extracted);
    }

    @Test
    void aBlackAndWhiteScanKeepsItsGroupFourImageBitForBit() throws Exception {
        java.awt.image.BufferedImage page = com.ocrchat.testing.BilevelScans.bilevel(TestPages.page(
                "Minutes", List.of("The board approved the budget for 2027.", "Next meeting: March 3, 2027")));
        byte[] upload = com.ocrchat.testing.BilevelScans.pdf(List.of(page), 150);
        JsonNode job = MAPPER.readTree(new SubmitOcrHandler()
                .handleRequest(ApiEvents.submit(token, IP, "fax.pdf", upload, Map.of()), null)
                .getBody());
        assertEquals("done", job.get("status").asText(), job.toString());

        byte[] searchable = bytes(get(job, "pdf"));
        java.awt.image.BufferedImage kept;
        // A JPEG of the page would be some ten times the upload; the G4 data are kept as they came.
        assertTrue(searchable.length < upload.length + 20_000, searchable.length + " bytes from " + upload.length);
        try (PDDocument document = Loader.loadPDF(searchable)) {
            var resources = document.getPage(0).getResources();
            var image = (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject)
                    resources.getXObject(resources.getXObjectNames().iterator().next());
            assertEquals(
                    List.of(org.apache.pdfbox.cos.COSName.CCITTFAX_DECODE),
                    List.of(image.getCOSObject().getFilters()));
            kept = image.getImage();
            assertTrue(Math.abs(kept.getWidth() - page.getWidth()) <= 1, kept.getWidth() + " px across");
            int differing = 0;
            for (int y = 0; y < Math.min(kept.getHeight(), page.getHeight()); y++) {
                for (int x = 0; x < Math.min(kept.getWidth(), page.getWidth()); x++) {
                    differing += (kept.getRGB(x, y) & 0xFFFFFF) == (page.getRGB(x, y) & 0xFFFFFF) ? 0 : 1;
                }
            }
            assertEquals(0, differing, "pixels unlike the scan's");
            assertTrue(new PDFTextStripper().getText(document).contains("approved the budget"));
        }

        APIGatewayV2HTTPResponse shown = pageImage(job.get("uuid").asText());
        assertEquals(200, shown.getStatusCode(), shown.getBody());
        assertEquals("image/png", shown.getHeaders().get("content-type"), "a browser shows PNG, not TIFF");
        var decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes(shown)));
        // The scan is read at its own 150 dpi, its boxes are in the 300-dpi space: the image is sent at the page's
        // size, so the boxes are drawn over it as they are, each pixel of the scan a square of two by two.
        JsonNode read = job.get("pages").get(0);
        assertEquals(read.get("width").asInt(), decoded.getWidth(), "the blocks' pixel space");
        assertEquals(read.get("height").asInt(), decoded.getHeight());
        assertTrue(Math.abs(decoded.getWidth() - 2 * kept.getWidth()) <= 1, decoded.getWidth() + " px across");
        for (int y = 0; 2 * y + 1 < decoded.getHeight() && y < kept.getHeight(); y++) {
            for (int x = 0; 2 * x + 1 < decoded.getWidth() && x < kept.getWidth(); x++) {
                int scanned = kept.getRGB(x, y) & 0xFFFFFF;
                assertEquals(scanned, decoded.getRGB(2 * x, 2 * y) & 0xFFFFFF, "pixel " + x + "," + y);
                assertEquals(scanned, decoded.getRGB(2 * x + 1, 2 * y + 1) & 0xFFFFFF, "pixel " + x + "," + y);
            }
        }
        for (JsonNode block : read.get("blocks")) {
            assertTrue(block.get("bbox").get(2).asInt() <= decoded.getWidth(), block.toString());
            assertTrue(block.get("bbox").get(3).asInt() <= decoded.getHeight(), block.toString());
        }
    }

    @Test
    void aGreyPageScannedAtLessThanThePdfDpiIsShownAtThePagesSizeMadeOnce() throws Exception {
        byte[] upload = TestDocuments.scannedPdf(List.of(TestPages.page(
                "Minutes", List.of("The board approved the budget for 2027.", "Next meeting: March 3, 2027"))));
        JsonNode job = MAPPER.readTree(new SubmitOcrHandler()
                .handleRequest(ApiEvents.submit(token, IP, "scan.pdf", upload, Map.of()), null)
                .getBody());
        assertEquals("done", job.get("status").asText(), job.toString());
        APIGatewayV2HTTPResponse shown = pageImage(job.get("uuid").asText());
        assertEquals(200, shown.getStatusCode(), shown.getBody());
        assertEquals("image/jpeg", shown.getHeaders().get("content-type"));
        var decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes(shown)));
        JsonNode read = job.get("pages").get(0);
        assertEquals(2480, read.get("width").asInt(), "the PDF's page in the 300-dpi space");
        assertEquals(read.get("width").asInt(), decoded.getWidth(), "the blocks' pixel space, not the scan's 150 dpi");
        assertEquals(read.get("height").asInt(), decoded.getHeight());
        JsonNode title = read.get("blocks").get(0);
        assertTrue(title.get("text").asText().contains("Minutes"), title.toString());
        // The title's box, drawn over the image, holds its dark ink.
        int x0 = title.get("bbox").get(0).asInt(), y0 = title.get("bbox").get(1).asInt();
        int x1 = title.get("bbox").get(2).asInt(), y1 = title.get("bbox").get(3).asInt();
        int dark = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                dark += (decoded.getRGB(x, y) & 0xFF) < 128 ? 1 : 0;
            }
        }
        assertTrue(dark > (x1 - x0) * (y1 - y0) / 10, dark + " dark pixels in the title's box");
        assertArrayEquals(bytes(shown), bytes(pageImage(job.get("uuid").asText())), "made once, then served as made");
    }

    private APIGatewayV2HTTPResponse pageImage(String uuid) {
        return new com.ocrchat.functions.download.PageImageHandler()
                .handleRequest(
                        ApiEvents.request(
                                "GET /api/v1/ocr/{uuid}/pages/{page}/image",
                                "/api/v1/ocr/" + uuid + "/pages/0/image/",
                                Map.of("uuid", uuid, "page", "0"),
                                token,
                                IP,
                                List.of(),
                                null,
                                null),
                        null);
    }

    @Test
    void theCsvHasARowPerBlock() throws Exception {
        APIGatewayV2HTTPResponse csv = get(invoice, "csv");
        assertEquals("text/csv; charset=utf-8", csv.getHeaders().get("content-type"));

        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(new String(bytes(csv), StandardCharsets.UTF_8)))
                .getRecords();

        JsonNode blocks = invoice.get("pages").get(0).get("blocks");
        assertEquals(blocks.size(), rows.size());
        assertEquals("1", rows.get(0).get("page"));
        assertEquals("INVOICE", rows.get(0).get("text"));
        assertEquals(blocks.get(0).get("bbox").get(2).asText(), rows.get(0).get("x1"));
        assertTrue(
                rows.stream().anyMatch(r -> r.get("text").contains("Invoice number: INV-2026-0042\nInvoice date")),
                "multi-line blocks are quoted, not split");
    }

    @Test
    void aTablesCellsComeOutInTheCsvAndAsAWordTable() throws Exception {
        JsonNode job = MAPPER.readTree(new SubmitOcrHandler()
                .handleRequest(
                        ApiEvents.submit(
                                token, IP, "order.png", TestDocuments.png(TestPages.tablePage(false)), Map.of()),
                        null)
                .getBody());
        assertTrue(
                job.get("markdown").asText().contains("| Widget assembly | 2 | 150.00 |"),
                job.get("markdown").asText());

        List<CSVRecord> rows = CSVFormat.RFC4180
                .parse(new StringReader(new String(bytes(get(job, "csv")), StandardCharsets.UTF_8)))
                .getRecords();
        assertEquals(TestPages.ORDER_TABLE, rows.stream().map(CSVRecord::toList).toList());

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes(get(job, "docx"))))) {
            var table = document.getTables().get(0);
            assertEquals(4, table.getNumberOfRows());
            assertEquals("Support plan", table.getRow(2).getCell(0).getText());
            assertEquals("65.00", table.getRow(2).getCell(2).getText());
        }
    }

    @Test
    void jsonIsTheJobWithItsWords() throws Exception {
        APIGatewayV2HTTPResponse json = get(invoice, "json");
        JsonNode job = MAPPER.readTree(bytes(json));
        assertEquals(invoice.get("uuid"), job.get("uuid"));
        assertEquals(invoice.get("text"), job.get("text"));
        JsonNode word =
                job.get("pages").get(0).get("blocks").get(0).get("words").get(0);
        assertEquals("INVOICE", word.get("text").asText());
        assertEquals(4, word.get("bbox").size());
        assertEquals(
                json.getHeaders().get("content-type"),
                get(invoice, null).getHeaders().get("content-type"),
                "json is the default");
    }

    @Test
    void anExportIsMadeOnceAndServedFromS3() {
        get(invoice, "md");
        var settings = TestServer.stores().settings();
        try (var s3 = com.ocrchat.aws.AwsClients.s3(settings)) {
            String key = "exports/" + invoice.get("uuid").asText() + "/export.md";
            Instant made =
                    s3.headObject(r -> r.bucket(settings.bucket()).key(key)).lastModified();
            get(invoice, "md");
            assertEquals(
                    made,
                    s3.headObject(r -> r.bucket(settings.bucket()).key(key)).lastModified());
            s3.putObject(
                    r -> r.bucket(settings.bucket()).key(key),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("served from S3"));
            assertEquals("served from S3", new String(bytes(get(invoice, "md")), StandardCharsets.UTF_8));
            s3.deleteObject(r -> r.bucket(settings.bucket()).key(key));
        }
    }

    @Test
    void aFortyPageJobsPdfArrivesThroughTheRedirect() throws Exception {
        // Scanned at 300 dpi, as office scanners do: its searchable PDF is larger than a Lambda response.
        List<java.awt.image.BufferedImage> pages = new java.util.ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            java.awt.image.BufferedImage page =
                    TestPages.page("Page " + i, List.of("Section " + i + " of the annual report."));
            java.awt.image.BufferedImage scan =
                    new java.awt.image.BufferedImage(2480, 3508, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            java.awt.Graphics2D g = scan.createGraphics();
            g.drawImage(page, 0, 0, 2480, 3508, null);
            g.dispose();
            pages.add(scan);
        }
        JsonNode job = MAPPER.readTree(new SubmitOcrHandler()
                .handleRequest(
                        ApiEvents.submit(token, IP, "report.pdf", TestDocuments.scannedPdf(pages), Map.of()), null)
                .getBody());
        assertEquals(40, job.get("page_count").asInt(), job.toString());
        var getJob = new com.ocrchat.functions.job.GetJobHandler();
        String uuid = job.get("uuid").asText();
        job = WaitUntil.value(
                () -> MAPPER.readTree(getJob.handleRequest(ApiEvents.getJob(token, IP, uuid), null)
                        .getBody()),
                read -> "done".equals(read.get("status").asText()),
                java.time.Duration.ofMinutes(2));
        assertEquals("done", job.get("status").asText(), "the workers finished the 40 pages");

        APIGatewayV2HTTPResponse response = download.handleRequest(
                ApiEvents.download(token, IP, job.get("uuid").asText(), "pdf"), null);

        assertEquals(302, response.getStatusCode(), response.getBody());
        var file = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        response.getHeaders().get("location")))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertTrue(
                file.body().length > Limits.from(TestServer.envWith(Map.of())).inlineDownloadMaxBytes());
        try (PDDocument pdf = Loader.loadPDF(file.body())) {
            assertEquals(40, pdf.getNumberOfPages());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(40);
            stripper.setEndPage(40);
            assertTrue(stripper.getText(pdf).contains("Section 40 of the annual report."));
        }
    }

    @Test
    void mistakesAreClear() throws Exception {
        String uuid = invoice.get("uuid").asText();
        JsonNode unknownFormat = error(download.handleRequest(ApiEvents.download(token, IP, uuid, "rtf"), null), 400);
        assertTrue(unknownFormat.get("error").asText().contains("txt, md, docx, pdf, csv, json"));
        String stranger = TestServer.stores().accounts().create(Plan.FREE, 0).token();
        error(download.handleRequest(ApiEvents.download(stranger, IP, uuid, "txt"), null), 404);
        error(
                download.handleRequest(
                        ApiEvents.download(token, IP, UUID.randomUUID().toString(), "txt"), null),
                404);

        Caller caller = TestServer.wiring()
                .authenticator()
                .authenticate(new com.ocrchat.http.ApiRequest(ApiEvents.getJob(token, IP, uuid)).credentials());
        JobRecord processing = TestJobs.unfinished(
                UUID.randomUUID().toString(),
                caller.owner(),
                JobStatus.PROCESSING,
                40,
                Charge.ofCredits(caller.accountId(), 0),
                Instant.now());
        TestServer.wiring().lifecycle().open(processing);
        JsonNode early =
                error(download.handleRequest(ApiEvents.download(token, IP, processing.uuid(), "pdf"), null), 409);
        assertTrue(early.get("error").asText().contains("processing"));
        TestServer.wiring().lifecycle().fail(processing, "made by a test");
        JsonNode failed =
                error(download.handleRequest(ApiEvents.download(token, IP, processing.uuid(), "pdf"), null), 409);
        assertTrue(failed.get("error").asText().contains("failed"));
    }

    private static void convertsWithLibreOfficeWhereInstalled(Path docx) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/libreoffice"))) {
            System.out.println(
                    "LibreOffice is not installed: the docx conversion check is skipped (POI read it back above)");
            return;
        }
        Process convert = new ProcessBuilder(
                        "libreoffice",
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        docx.getParent().toString(),
                        docx.toString())
                .redirectErrorStream(true)
                .start();
        convert.getInputStream().readAllBytes();
        assertTrue(convert.waitFor(120, TimeUnit.SECONDS) && convert.exitValue() == 0);
        assertTrue(Files.exists(docx.resolveSibling("scan.pdf")));
    }

    private static APIGatewayV2HTTPResponse get(JsonNode job, String format) {
        APIGatewayV2HTTPResponse response = download.handleRequest(
                ApiEvents.download(token, IP, job.get("uuid").asText(), format), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return response;
    }

    private static byte[] bytes(APIGatewayV2HTTPResponse response) {
        assertTrue(response.getIsBase64Encoded());
        return Base64.getDecoder().decode(response.getBody());
    }

    private static JsonNode error(APIGatewayV2HTTPResponse response, int status) throws Exception {
        assertEquals(status, response.getStatusCode(), response.getBody());
        return MAPPER.readTree(response.getBody());
    }
}
