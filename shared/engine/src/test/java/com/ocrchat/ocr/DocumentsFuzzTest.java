package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.ocrchat.error.OcrChatException;
import java.awt.image.BufferedImage;
import java.time.Duration;

/**
 * Coverage-guided fuzzing of the document decoders (Jazzer). Any bytes must open and draw within the
 * budgets, or be refused as the client's fault: any other exception, an Error (OutOfMemoryError,
 * StackOverflowError) or a hang is a finding. Without JAZZER_FUZZ these run the committed inputs
 * (src/test/resources/.../DocumentsFuzzTestInputs: the hostile corpus, real files, and every finding) as
 * regression tests; ./ocrchat test fuzzes each for a bounded time.
 */
class DocumentsFuzzTest {
    /** Small budgets, so that the fuzzer tries many inputs a second; the checks are the same as at full size. */
    private static final DocumentLimits LIMITS =
            new DocumentLimits(4_000_000L, 72, 20, 16L * 1024 * 1024, 100_000, Duration.ofSeconds(5));

    /** Type detection, then any image format or PDF: opened, each page's text layer read and drawn. */
    @FuzzTest(maxDuration = "40s")
    void anyFile(byte[] bytes) {
        openAndDraw(bytes);
    }

    /** The TIFF IFD walk on its own: many executions a second on the part that counts pages. */
    @FuzzTest(maxDuration = "30s")
    void tiffPageCounting(byte[] bytes) {
        try {
            int pages = TiffPages.count(bytes, LIMITS.maxPages());
            assertTrue(pages >= 1 && pages <= LIMITS.maxPages());
        } catch (OcrChatException e) {
            assertTrue(e.clientCaused(), e.toString());
        }
    }

    /** PDFs: the page-tree walk, text layers and drawing, on inputs that start as PDFs. */
    @FuzzTest(maxDuration = "40s")
    void pdfs(byte[] bytes) {
        openAndDraw(bytes);
    }

    private static void openAndDraw(byte[] bytes) {
        try (Document document = Documents.open(bytes, LIMITS)) {
            for (int page = 0; page < Math.min(3, document.pageCount()); page++) {
                if (document.type() == DocumentType.PDF) {
                    document.textLayer(page);
                }
                BufferedImage image = document.render(page);
                assertTrue((long) image.getWidth() * image.getHeight() <= LIMITS.maxPixelsPerPage());
                assertTrue(Math.max(image.getWidth(), image.getHeight()) <= DocumentLimits.MAX_PAGE_SIDE);
            }
        } catch (OcrChatException e) {
            assertTrue(e.clientCaused(), e.toString());
        }
    }
}
