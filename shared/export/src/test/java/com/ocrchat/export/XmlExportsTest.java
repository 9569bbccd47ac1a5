package com.ocrchat.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobResult;
import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.Word;
import com.ocrchat.store.PageImages;
import com.ocrchat.testing.AltoSchema;
import com.ocrchat.testing.InMemoryObjectStore;
import com.ocrchat.testing.TestJobs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/** hOCR and ALTO: valid, with every word's box and confidence, readable back by their consumers. */
class XmlExportsTest {
    private static final PageImages NO_IMAGES = new PageImages(new InMemoryObjectStore());
    private static final String ALTO = AltoSchema.NAMESPACE;

    @TempDir
    Path work;

    @Test
    void altoIsValidAgainstTheAlto44SchemaWithLinesWordsAndConfidences() throws Exception {
        byte[] alto = new AltoExporter().export(job("scan <1> & \"two\".pdf"), result(), NO_IMAGES);

        AltoSchema.validate(alto);
        Document document = parse(alto);
        assertEquals(2, document.getElementsByTagNameNS(ALTO, "Page").getLength());
        // The first block's two rows of words are two lines; the right-to-left line is one.
        assertEquals(4, document.getElementsByTagNameNS(ALTO, "TextLine").getLength());
        NodeList strings = document.getElementsByTagNameNS(ALTO, "String");
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < strings.getLength(); i++) {
            contents.add(((Element) strings.item(i)).getAttribute("CONTENT"));
        }
        assertEquals(List.of("Total", "<due>", "&", "42.00", "\uFFFDEUR", "مرحبا", "بالعالم", "Page", "two"), contents);
        Element total = (Element) strings.item(0);
        assertEquals("100", total.getAttribute("HPOS"));
        assertEquals("200", total.getAttribute("VPOS"));
        assertEquals("250", total.getAttribute("WIDTH"));
        assertEquals("0.93", total.getAttribute("WC"));
        assertEquals(
                "scan <1> & \"two\".pdf",
                document.getElementsByTagNameNS(ALTO, "fileName").item(0).getTextContent());
    }

    @Test
    void anAltoWithAnOutOfRangeConfidenceIsRefusedByTheSchema() {
        String invalid = new String(
                        new AltoExporter().export(job("a.png"), result(), NO_IMAGES), StandardCharsets.UTF_8)
                .replace("WC=\"0.93\"", "WC=\"1.5\"");
        assertThrows(SAXParseException.class, () -> AltoSchema.validate(invalid.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hocrNestsPagesBlocksLinesAndWordsWithBoxesAndConfidences() throws Exception {
        byte[] hocr = new HocrExporter().export(job("scan.pdf"), result(), NO_IMAGES);

        Document document = parse(hocr);
        List<Element> pages = byClass(document, "ocr_page");
        assertEquals(2, pages.size());
        assertEquals(
                "image \"scan.pdf\"; bbox 0 0 2480 3508; ppageno 0",
                pages.get(0).getAttribute("title"));
        assertEquals(4, byClass(document, "ocr_line").size());
        List<Element> words = byClass(document, "ocrx_word");
        assertEquals(9, words.size());
        assertEquals("Total", words.get(0).getTextContent());
        assertEquals("bbox 100 200 350 260; x_wconf 93", words.get(0).getAttribute("title"));
        assertEquals("<due>", words.get(1).getTextContent());
        assertEquals("line_1_2", ((Element) words.get(3).getParentNode()).getAttribute("id"));
    }

    /** OCRmyPDF's hOCR reader (installed by ./ocrchat test as root) makes a PDF whose text is the words. */
    @Test
    void ocrmypdfReadsTheHocrBack() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)
                || new ProcessBuilder(python.toString(), "-c", "import ocrmypdf")
                                .start()
                                .waitFor()
                        != 0) {
            org.junit.jupiter.api.Assumptions.abort("OCRmyPDF is not installed (apt-get install ocrmypdf)");
        }
        JobResult onePage = TestJobs.result(List.of(result().pages().get(0)));
        Path hocr = work.resolve("page.hocr");
        Files.write(hocr, new HocrExporter().export(job("scan.png"), onePage, NO_IMAGES));
        Path pdf = work.resolve("page.pdf");
        Process transform = new ProcessBuilder(
                        python.toString(),
                        "-c",
                        "import sys; from ocrmypdf.hocrtransform import HocrTransform;"
                                + " HocrTransform(hocr_filename=sys.argv[1], dpi=300).to_pdf(out_filename=sys.argv[2])",
                        hocr.toString(),
                        pdf.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(transform.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(transform.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, transform.exitValue(), output);

        Process pdftotext = new ProcessBuilder("pdftotext", pdf.toString(), "-").start();
        String text = new String(pdftotext.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(pdftotext.waitFor(30, TimeUnit.SECONDS));
        for (String word : List.of("Total", "<due>", "&", "42.00")) {
            assertTrue(text.contains(word), word + " in " + text);
        }
    }

    @Test
    void hocrAndAltoAreAskedForByName() {
        assertEquals(ExportFormat.HOCR, ExportFormat.of("hOCR"));
        assertEquals("xml", ExportFormat.ALTO.extension());
        assertEquals("alto", ExportFormat.ALTO.id());
    }

    private static JobRecord job(String filename) {
        return TestJobs.done("5f0c7b8e-1d2a-4b3c-9e4f-0a1b2c3d4e5f", "x", filename, 2);
    }

    /**
     * Page 1: a block of two rows (the second with a control character the XML cannot carry), and a
     * right-to-left line whose words run leftwards; page 2: one line.
     */
    private static JobResult result() {
        List<Word> rows = List.of(
                new Word("Total", new int[] {100, 200, 350, 260}, 0.93),
                new Word("<due>", new int[] {380, 205, 600, 262}, 0.8),
                new Word("&", new int[] {100, 300, 140, 360}, 0.7),
                new Word("42.00", new int[] {170, 298, 400, 358}, 0.99),
                new Word("\u0007EUR", new int[] {420, 300, 560, 360}, 0.5));
        List<Word> arabic = List.of(
                new Word("مرحبا", new int[] {900, 500, 1100, 560}, 0.9),
                new Word("بالعالم", new int[] {600, 502, 860, 562}, 0.85));
        Page first = new Page(
                0,
                2480,
                3508,
                "Total <due>\n& 42.00 EUR\n\nمرحبا بالعالم",
                List.of(
                        new Block("Total <due>\n& 42.00 \u0007EUR", Word.union(rows), 0.85, rows),
                        new Block("مرحبا بالعالم", Word.union(arabic), 0.87, arabic)));
        List<Word> last = List.of(
                new Word("Page", new int[] {100, 100, 300, 160}, 0.96),
                new Word("two", new int[] {330, 100, 450, 160}, 1.0));
        Page second = new Page(1, 2480, 3508, "Page two", List.of(new Block("Page two", Word.union(last), 0.98, last)));
        return TestJobs.result(List.of(first, second));
    }

    private static Document parse(byte[] xml) {
        return AltoSchema.parse(xml);
    }

    private static List<Element> byClass(Document document, String ocrClass) {
        List<Element> found = new ArrayList<>();
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.getAttribute("class").equals(ocrClass)) {
                found.add(element);
            }
        }
        return found;
    }
}
