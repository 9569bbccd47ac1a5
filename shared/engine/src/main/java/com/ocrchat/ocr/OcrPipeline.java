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
import java.util.concurrent.CompletableFuture;
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

    /** Where each page goes as it is read, e.g. kept for the exports; all on the worker thread. */
    public interface PageSink {
        /**
         * A page that was rendered and recognized: the image recognized, as {@link PageImage} keeps it, or the page's
         * own JPEG ({@link Document#ownJpeg}).
         */
        void rendered(int pageIndex, byte[] image);

        /** A page taken from its own text layer: the page itself, as a one-page PDF. */
        void keptAsIs(int pageIndex, byte[] singlePagePdf);

        /** The page as read, once its image or original is kept. */
        void read(Page page);

        /** Whether {@link #rendered} is wanted at all (a page image costs a page some 50-200 ms). */
        default boolean keepsImages() {
            return true;
        }
    }

    /** The name of the threads page images are encoded on: their stages overlap the readings. */
    public static final String KEEPING_THREADS = "page-image";

    /**
     * Encodes page images beside the readings: a lone page's layout analysis runs on one core, so its image costs it
     * nothing. At most one a reading is in flight.
     */
    private static final ExecutorService KEEPING = Executors.newCachedThreadPool(DaemonThreads.named(KEEPING_THREADS));

    private static final PageSink DISCARD = new PageSink() {
        @Override
        public void rendered(int pageIndex, byte[] image) {}

        @Override
        public void keptAsIs(int pageIndex, byte[] singlePagePdf) {}

        @Override
        public void read(Page page) {}

        @Override
        public boolean keepsImages() {
            return false;
        }
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
            ParallelPages.stopIfAbandoned(); // given up while read: not kept as read (its white text may be missing)
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
        // The page image is the page's own JPEG, or encoded while the page is read; it is stored only once the page is
        // read and not given up: nothing is written for a page that fails or is abandoned.
        Future<byte[]> kept = null;
        if (sink.keepsImages()) {
            Optional<byte[]> own;
            synchronized (document) {
                own = document.ownJpeg(page).filter(jpeg -> PageImage.standsFor(jpeg, image));
            }
            kept = own.isPresent()
                    ? CompletableFuture.completedFuture(own.get())
                    : KEEPING.submit(() -> Stages.time(Stages.PAGE_IMAGE, page, () -> PageImage.encode(image)));
        }
        OcrEngine.Recognition recognition;
        try {
            recognition = engine.read(image, page, languages);
        } catch (RuntimeException | Error e) {
            if (kept != null) {
                kept.cancel(false);
            }
            throw e;
        }
        ParallelPages.stopIfAbandoned(); // given up during the (uninterruptible) reading: nothing more is written
        if (kept != null) {
            BufferedImage recognized = recognition.image();
            if (recognized != image) {
                kept.cancel(false); // turned upright: kept as recognized instead
            }
            sink.rendered(
                    page,
                    recognized == image
                            ? encoded(kept, page)
                            : Stages.time(Stages.PAGE_IMAGE, page, () -> PageImage.encode(recognized)));
        }
        Page read = document.toPageSpace(recognition.page());
        sink.read(read);
        return read;
    }

    private static byte[] encoded(Future<byte[]> kept, int page) {
        try {
            return kept.get();
        } catch (InterruptedException e) {
            kept.cancel(false);
            Thread.currentThread().interrupt();
            throw new RecognitionFailure("Stopped: page " + page + " was given up", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new RecognitionFailure("The page image failed: " + e.getCause(), e.getCause());
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
