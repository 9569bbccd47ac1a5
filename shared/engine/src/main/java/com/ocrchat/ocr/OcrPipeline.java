package com.ocrchat.ocr;

import com.ocrchat.concurrent.DaemonThreads;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    /** Where each page goes as it is read, e.g. kept for the exports. */
    public interface PageSink {
        /**
         * The image of a rendered page, kept while the page is recognized (on a thread of its own); kept again,
         * replacing it, when the reading turned the page upright.
         */
        void rendered(int pageIndex, BufferedImage image);

        /** A page taken from its own text layer: the page itself, as a one-page PDF (on the worker thread). */
        void keptAsIs(int pageIndex, byte[] singlePagePdf);

        /** The page as read, once its image or original is kept (on the worker thread). */
        void read(Page page);
    }

    /** The name of the threads page images are kept on: their stages overlap the readings. */
    public static final String KEEPING_THREADS = "page-image";

    /**
     * Keeps page images beside the readings: a lone page's layout analysis runs on one core, so its JPEG and
     * store cost it nothing. At most one a reading is in flight, and the reading waits for it.
     */
    private static final ExecutorService KEEPING = Executors.newCachedThreadPool(DaemonThreads.named(KEEPING_THREADS));

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
        BufferedImage image = render(document, page);
        Future<?> kept = KEEPING.submit(() -> sink.rendered(page, image));
        OcrEngine.Recognition recognition;
        try {
            recognition = engine.read(image, page, languages);
        } finally {
            awaitKept(kept); // nothing of a page goes on after its reading ends, however it ends
        }
        ParallelPages.stopIfAbandoned(); // given up during the (uninterruptible) reading: nothing more is written
        if (recognition.image() != image) {
            sink.rendered(page, recognition.image()); // turned upright: kept as recognized
        }
        Page read = document.toPageSpace(recognition.page());
        sink.read(read);
        return read;
    }

    /** Waits for a page image to be kept, through interrupts (a stopped page still ends its store); its failure is thrown. */
    private static void awaitKept(Future<?> kept) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    kept.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException unchecked) {
                        throw unchecked;
                    }
                    throw new RecognitionFailure("Keeping the page image failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The page as rendered; a bilevel scan as grey once, which the engine, the tables and the page image all read. */
    private static BufferedImage render(Document document, int page) {
        BufferedImage image;
        synchronized (document) {
            image = Stages.time(Stages.RENDER, page, () -> document.render(page));
        }
        return GreyPixels.greyPalette(image) ? Stages.time(Stages.PIXELS, page, () -> GreyPixels.image(image)) : image;
    }
}
