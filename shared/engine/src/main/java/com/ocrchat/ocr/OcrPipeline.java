package com.ocrchat.ocr;

import com.ocrchat.error.OcrChatException;
import com.ocrchat.error.RecognitionFailure;
import com.ocrchat.observe.Stages;
import com.ocrchat.page.Page;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Reads a document's pages in parallel on a fixed set of worker threads (one Tesseract handle each):
 * from their own text layer where a PDF page has a trustworthy one, else rendered just before they are
 * recognized, one at a time per document, so at most one page image per worker is in memory.
 */
public final class OcrPipeline {
    private final OcrEngine engine;
    /** How long a page given up may take to stop before its thread is abandoned and the pool replaced. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final ParallelPages workers;

    public OcrPipeline(OcrEngine engine, int threads) {
        this.engine = engine;
        this.workers = new ParallelPages("ocr-worker", threads, STOP_GRACE);
    }

    /** Whether pages handed to this pipeline wait for a thread. */
    public boolean pagesWaiting() {
        return workers.tasksWaiting();
    }

    /** Where each page goes as soon as it is read (on the worker thread), e.g. kept for the exports. */
    public interface PageSink {
        /** A page that was rendered and recognized, as the image recognized. */
        void rendered(int pageIndex, BufferedImage image);

        /** A page taken from its own text layer: the page itself, as a one-page PDF. */
        void keptAsIs(int pageIndex, byte[] singlePagePdf);

        /** The page as read, once its image or original is kept. */
        void read(Page page);
    }

    private static final PageSink DISCARD = new PageSink() {
        @Override
        public void rendered(int pageIndex, BufferedImage image) {}

        @Override
        public void keptAsIs(int pageIndex, byte[] singlePagePdf) {}

        @Override
        public void read(Page page) {}
    };

    public List<Page> recognize(Document document, String languages) {
        return recognize(document, languages, 0, document.pageCount(), DISCARD);
    }

    /**
     * Pages {@code from} (inclusive) to {@code to} (exclusive) of the document, in order. A page with a
     * trustworthy text layer is read from it (no rendering, no OCR); any other page is rendered and recognized.
     */
    public List<Page> recognize(Document document, String languages, int from, int to, PageSink sink) {
        return recognize(document, engine, true, languages, from, to, sink);
    }

    /**
     * As above with another engine on these threads (the vision engine with a tool's prompt); without
     * {@code textLayers} every page is rendered and recognized, text layer or not.
     */
    public List<Page> recognize(
            Document document,
            OcrEngine engine,
            boolean textLayers,
            String languages,
            int from,
            int to,
            PageSink sink) {
        List<Callable<Page>> pages = new ArrayList<>();
        for (int index = from; index < to; index++) {
            int page = index;
            pages.add(() -> read(document, engine, textLayers, languages, page, sink));
        }
        try {
            return workers.run(pages);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecognitionFailure("Interrupted while recognizing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OcrChatException known) {
                throw known;
            }
            throw new RecognitionFailure("Recognition failed: " + e.getCause(), e.getCause());
        }
    }

    private static Page read(
            Document document, OcrEngine engine, boolean textLayers, String languages, int page, PageSink sink) {
        Optional<Page> fromText = Optional.empty();
        if (textLayers) {
            synchronized (document) {
                fromText = document.textLayer(page);
            }
        }
        if (fromText.isPresent()) {
            byte[] original;
            synchronized (document) {
                original = document.pageAsPdf(page);
            }
            sink.keptAsIs(page, original);
            sink.read(fromText.get());
            return fromText.get();
        }
        OcrEngine.Recognition recognition = engine.read(render(document, page), page, languages);
        ParallelPages.stopIfAbandoned(); // given up during the (uninterruptible) reading: nothing more is written
        sink.rendered(page, recognition.image());
        Page read = document.toPageSpace(recognition.page());
        sink.read(read);
        return read;
    }

    private static BufferedImage render(Document document, int page) {
        synchronized (document) {
            return Stages.time(Stages.RENDER, page, () -> document.render(page));
        }
    }
}
