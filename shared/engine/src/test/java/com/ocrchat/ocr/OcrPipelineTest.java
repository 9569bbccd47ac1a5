package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.error.RecognitionFailure;
import com.ocrchat.page.Page;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class OcrPipelineTest {
    private static final DocumentLimits LIMITS = new DocumentLimits(2_000_000L, 300);

    /** Fails page 1 at once; every other page takes a while, as a model call does. */
    private static final class FailingOnPageOne implements OcrEngine {
        final Set<Integer> started = ConcurrentHashMap.newKeySet();
        final Set<Integer> finished = ConcurrentHashMap.newKeySet();

        @Override
        public Page recognize(BufferedImage image, int pageIndex, String languages) {
            started.add(pageIndex);
            if (pageIndex == 0) {
                throw new RecognitionFailure("page 1 is unreadable");
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RecognitionFailure("stopped", e);
            }
            finished.add(pageIndex);
            return new Page(pageIndex, image.getWidth(), image.getHeight(), "page " + (pageIndex + 1), List.of());
        }
    }

    /** A PDF of blank scanned pages (no text layer, so every page is rendered and recognized). */
    private static byte[] scan(int pages) {
        return TestDocuments.scannedPdf(java.util.Collections.nCopies(pages, TestPages.page("Scan", List.of("blank"))));
    }

    @Test
    void aFailedPageStopsTheOthersBeforeTheFailureIsReported() throws Exception {
        FailingOnPageOne engine = new FailingOnPageOne();
        OcrPipeline pipeline = new OcrPipeline(engine, 2);
        try (Document document = Documents.open(scan(6), LIMITS)) {
            RecognitionFailure failure =
                    assertThrows(RecognitionFailure.class, () -> pipeline.recognize(document, "eng"));
            assertEquals("page 1 is unreadable", failure.getMessage());
            Set<Integer> startedWhenReported = Set.copyOf(engine.started);
            Thread.sleep(800);
            assertEquals(startedWhenReported, engine.started, "no page starts after the failure was reported");
            assertTrue(engine.finished.isEmpty(), "the page in progress was stopped, not finished: " + engine.finished);
            assertTrue(engine.started.size() < 6, "the pages behind the failed one were never read: " + engine.started);
        }
    }

    @Test
    void thePagesComeBackInOrder() throws Exception {
        OcrPipeline pipeline = new OcrPipeline(
                (image, index, languages) ->
                        new Page(index, image.getWidth(), image.getHeight(), "page " + (index + 1), List.of()),
                2);
        try (Document document = Documents.open(scan(5), LIMITS)) {
            assertEquals(
                    List.of("page 1", "page 2", "page 3", "page 4", "page 5"),
                    pipeline.recognize(document, "eng").stream().map(Page::text).toList());
        }
    }
}
