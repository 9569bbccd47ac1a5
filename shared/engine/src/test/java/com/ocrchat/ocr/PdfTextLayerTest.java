package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.Word;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.util.List;
import org.junit.jupiter.api.Test;

class PdfTextLayerTest {
    private static final DocumentLimits LIMITS = new DocumentLimits(100_000_000L, 300);

    @Test
    void aBornDigitalPageIsReadFromItsTextLayerInThe300DpiSpace() {
        byte[] pdf = TestDocuments.textPdf(
                List.of(List.of("Quarterly report", "Revenue grew by twelve percent", "Costs fell by three percent")));

        try (Document document = Documents.open(pdf, LIMITS)) {
            Page page = document.textLayer(0).orElseThrow();

            assertEquals(2480, page.width());
            assertEquals(3508, page.height(), 1);
            assertEquals(
                    List.of("Quarterly report", "Revenue grew by twelve percent\nCosts fell by three percent"),
                    page.blocks().stream().map(Block::text).toList(),
                    "the larger title is its own block");
            Block title = page.blocks().get(0);
            assertEquals(1.0, title.confidence());
            assertEquals(300, title.bbox()[0], 3, "x = 72 pt at 300 dpi");
            assertTrue(
                    title.bbox()[3] < 400 && title.bbox()[1] > 200,
                    "near the top: " + List.of(title.bbox()[1], title.bbox()[3]));
            for (Word word : page.blocks().get(1).words()) {
                assertEquals(1.0, word.confidence());
                assertTrue(word.bbox()[2] > word.bbox()[0] && word.bbox()[2] <= 2480);
            }
        }
    }

    @Test
    void scansAndInvisibleTextOverScansAreLeftToRecognition() {
        try (Document scan = Documents.open(TestDocuments.scannedPdf(List.of(TestPages.invoiceImage())), LIMITS)) {
            assertTrue(scan.textLayer(0).isEmpty());
        }
        try (Document junk = Documents.open(
                TestDocuments.scanWithInvisibleText(TestPages.invoiceImage(), "xq zzv llkq 0O0O junk layer"), LIMITS)) {
            assertTrue(junk.textLayer(0).isEmpty(), "invisible text over a scan is not trusted");
        }
    }

    @Test
    void aTextPageIsKeptAsAOnePagePdf() {
        byte[] pdf = TestDocuments.textPdf(List.of(List.of("First page text here"), List.of("Second page text here")));
        try (Document document = Documents.open(pdf, LIMITS);
                Document second = Documents.open(document.pageAsPdf(1), LIMITS)) {
            assertEquals(1, second.pageCount());
            assertEquals(
                    "Second page text here", second.textLayer(0).orElseThrow().text());
        }
    }
}
