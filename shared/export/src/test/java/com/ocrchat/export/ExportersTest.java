package com.ocrchat.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobResult;
import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.Word;
import com.ocrchat.store.PageImages;
import com.ocrchat.testing.InMemoryObjectStore;
import com.ocrchat.testing.TestJobs;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exporters on a job in several scripts (recognizing them is another matter: this is about the round trip). */
class ExportersTest {
    private static final List<String> LINES = List.of("Tokyo 東京 会議", "مرحبا بالعالم", "Привет мир", "שלום עולם");
    private static final InMemoryObjectStore NO_IMAGES = new InMemoryObjectStore();

    @TempDir
    Path work;

    @Test
    void everyScriptSurvivesTheSearchablePdf() throws Exception {
        byte[] pdf = new SearchablePdfExporter(300).export(job(), result(), new PageImages(NO_IMAGES));

        try (var document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document);
            for (String line : LINES) {
                for (String word : line.split(" ")) {
                    assertTrue(text.contains(word), word + " in " + text);
                }
            }
        }
        if (Files.isExecutable(Path.of("/usr/bin/pdftotext"))) {
            Path file = work.resolve("scripts.pdf");
            Files.write(file, pdf);
            // Default (reading-order) mode: -raw follows the content stream, and right-to-left words are
            // written, as Tesseract writes them, from their right edge with a mirrored text matrix.
            Process pdftotext = new ProcessBuilder("pdftotext", file.toString(), "-").start();
            String text =
                    new String(pdftotext.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(pdftotext.waitFor(30, TimeUnit.SECONDS));
            assertTrue(
                    text.contains("東京") && text.contains("Привет") && text.contains("مرحبا") && text.contains("שלום"),
                    text);
        }
    }

    @Test
    void charactersBeyondTheBasicPlaneSurviveTheSearchablePdf() throws Exception {
        List<String> words =
                List.of("Thanks\uD83D\uDE00", "\uD835\uDD18nicode", "\uD840\uDC00\u6771", "\uD83D\uDC4D\uD83C\uDFFD");
        List<Word> boxed = new java.util.ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            boxed.add(new Word(words.get(i), new int[] {200 + 500 * i, 200, 600 + 500 * i, 260}, 0.9));
        }
        Block block = new Block(String.join(" ", words), new int[] {200, 200, 2200, 260}, 0.9, boxed);
        JobResult result = TestJobs.result(List.of(new Page(0, 2480, 3508, block.text(), List.of(block))));

        byte[] pdf = new SearchablePdfExporter(300).export(job(), result, new PageImages(NO_IMAGES));

        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (String word : words) {
                assertTrue(text.contains(word), word + " in " + text);
            }
        }
        if (Files.isExecutable(Path.of("/usr/bin/pdftotext"))) {
            Path file = work.resolve("astral.pdf");
            Files.write(file, pdf);
            Process pdftotext = new ProcessBuilder("pdftotext", file.toString(), "-").start();
            String text =
                    new String(pdftotext.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(pdftotext.waitFor(30, TimeUnit.SECONDS));
            assertTrue(text.contains("Thanks\uD83D\uDE00") && text.contains("\uD835\uDD18nicode"), text);
        }
    }

    @Test
    void rightToLeftParagraphsAreMarkedInWord() throws Exception {
        byte[] docx = new DocxExporter().export(job(), result(), new PageImages(NO_IMAGES));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<XWPFParagraph> paragraphs = document.getParagraphs();
            XWPFParagraph arabic = paragraphs.stream()
                    .filter(p -> p.getText().contains("مرحبا"))
                    .findFirst()
                    .orElseThrow();
            XWPFParagraph hebrew = paragraphs.stream()
                    .filter(p -> p.getText().contains("שלום"))
                    .findFirst()
                    .orElseThrow();
            XWPFParagraph russian = paragraphs.stream()
                    .filter(p -> p.getText().contains("Привет"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(arabic.getCTP().getPPr().isSetBidi());
            assertTrue(hebrew.getCTP().getPPr().isSetBidi());
            assertTrue(russian.getCTP().getPPr() == null
                    || !russian.getCTP().getPPr().isSetBidi());
            assertTrue(document.getDocument().validate(), "Word's schema: one rPr a run, rtl within it");
        }
    }

    @Test
    void wordKeepsEveryRecognizedLineThatLooksLikeMarkdown() throws Exception {
        List<String> texts = List.of(
                "```",
                "Secret paragraph",
                "<div>Total due 42</div>",
                "2*3*4 = 24",
                "[a]: http://evil.example",
                "---",
                "AT&amp;T");
        List<Block> blocks = texts.stream()
                .map(text -> new Block(text, new int[] {0, 0, 10, 10}, 0.9, List.of()))
                .toList();
        JobResult result = TestJobs.result(List.of(new Page(0, 100, 100, String.join("\n\n", texts), blocks)));

        byte[] docx = new DocxExporter().export(job(), result, new PageImages(NO_IMAGES));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertEquals(
                    texts,
                    document.getParagraphs().stream()
                            .map(XWPFParagraph::getText)
                            .toList());
        }
    }

    @Test
    void aVisionModelsCodeAndHtmlAreShownInWordAndItsTitleIsXml() throws Exception {
        byte[] docx = DocxExporter.fromMarkdown(
                "scan\uFFFF.pdf",
                List.of("```\nlet total = 42;\n```\n\n<table><tr><td>Widget</td></tr></table>\n\nFirst<br>Second"));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = document.getParagraphs().stream()
                    .map(XWPFParagraph::getText)
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertEquals("let total = 42;\n<table><tr><td>Widget</td></tr></table>\nFirst\nSecond", text);
            assertEquals(
                    "scan\uFFFD.pdf",
                    document.getProperties().getCoreProperties().getTitle());
        }
    }

    @Test
    void markdownTablesAndListsBecomeWordTablesAndLists() throws Exception {
        byte[] docx = DocxExporter.fromMarkdown(
                "t",
                List.of(
                        "# Order\n\n| Item | Qty |\n|---|---|\n| Widget | 2 |\n| Gadget | 5 |\n\n- first\n- second\n\n1. one\n2. two",
                        "Second page"));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertEquals(1, document.getTables().size());
            var table = document.getTables().get(0);
            assertEquals(3, table.getNumberOfRows());
            assertEquals("Item", table.getRow(0).getCell(0).getText());
            assertEquals("Gadget", table.getRow(2).getCell(0).getText());
            assertEquals("5", table.getRow(2).getCell(1).getText());
            List<XWPFParagraph> listItems = document.getParagraphs().stream()
                    .filter(p -> p.getNumID() != null)
                    .toList();
            assertEquals(
                    List.of("first", "second", "one", "two"),
                    listItems.stream().map(XWPFParagraph::getText).toList());
            assertTrue(
                    !listItems.get(0).getNumID().equals(listItems.get(2).getNumID()),
                    "bullets and numbers are separate lists");
            assertEquals("Heading1", document.getParagraphs().get(0).getStyle());
            assertTrue(document.getDocument().validate(), "Word's schema: a table has its grid of columns");
        }
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunStayText() throws Exception {
        List<String> texts = List.of(
                "=HYPERLINK(\"http://evil.example\",\"Click\")",
                "@SUM(A1:A9)",
                "+cmd|' /C calc'!A0",
                "-2+3+cmd|' /C calc'!A0",
                "\t=1+1",
                "-12.50",
                "+3 %",
                "Total",
                "a = b");
        List<Block> blocks = texts.stream()
                .map(text -> new Block(text, new int[] {0, 0, 10, 10}, 0.9, List.of()))
                .toList();
        JobResult result = TestJobs.result(List.of(new Page(0, 100, 100, String.join("\n\n", texts), blocks)));

        byte[] csv = new CsvExporter().export(job(), result, new PageImages(NO_IMAGES));

        List<String> cells = org.apache.commons.csv.CSVFormat.RFC4180
                .parse(new java.io.StringReader(new String(csv, java.nio.charset.StandardCharsets.UTF_8)))
                .getRecords()
                .stream()
                .skip(1)
                .map(record -> record.get(2))
                .toList();
        assertEquals(
                List.of(
                        "'=HYPERLINK(\"http://evil.example\",\"Click\")",
                        "'@SUM(A1:A9)",
                        "'+cmd|' /C calc'!A0",
                        "'-2+3+cmd|' /C calc'!A0",
                        "'\t=1+1",
                        "-12.50",
                        "+3 %",
                        "Total",
                        "a = b"),
                cells);
    }

    @Test
    void aLongCellThatIsAlmostANumberIsCheckedInLinearTime() {
        String cell = "-" + "1 ".repeat(250_000) + "x";

        String guarded = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5), () -> FormulaGuard.cell(cell));

        assertEquals("'" + cell, guarded);
    }

    @Test
    void formatsAreKnownByName() {
        assertEquals(ExportFormat.JSON, ExportFormat.of(null));
        assertEquals(ExportFormat.DOCX, ExportFormat.of("DOCX"));
        assertEquals("invoice", DownloadService.stem("invoice.pdf"));
        assertEquals("archive.tar", DownloadService.stem("archive.tar.gz"));
        assertEquals("README", DownloadService.stem("README"));
    }

    private static JobRecord job() {
        return TestJobs.done("5f0c7b8e-1d2a-4b3c-9e4f-0a1b2c3d4e5f", "x", "scripts.png", 1);
    }

    /** One block per line, each word boxed on its own line of a 2480 x 3508 page. */
    private static JobResult result() {
        List<Block> blocks = new java.util.ArrayList<>();
        int y = 200;
        for (String line : LINES) {
            List<Word> words = new java.util.ArrayList<>();
            int x = 200;
            for (String word : line.split(" ")) {
                int width = 60 * word.length();
                words.add(new Word(word, new int[] {x, y, x + width, y + 60}, 0.9));
                x += width + 40;
            }
            blocks.add(new Block(line, new int[] {200, y, x, y + 60}, 0.9, words));
            y += 200;
        }
        Page page = new Page(0, 2480, 3508, String.join("\n\n", LINES), blocks);
        return TestJobs.result(List.of(page));
    }
}
