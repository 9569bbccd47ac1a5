package com.ocrchat.ocr;

import com.ocrchat.http.ApiException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recognizes a document's pages in parallel on a fixed set of worker threads (one Tesseract handle
 * each). Pages are rendered just before they are recognized, one at a time per document, so at most
 * one page image per worker is in memory.
 */
public final class OcrPipeline {
    private final OcrEngine engine;
    private final ExecutorService workers;

    public OcrPipeline(OcrEngine engine, int threads) {
        this.engine = engine;
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread thread = new Thread(task, "ocr-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What to do with each page image as soon as it is rendered (on the worker thread), e.g. keep it. */
    public interface RenderedPages {
        void rendered(int pageIndex, BufferedImage image);
    }

    public List<Page> recognize(Document document, String languages) {
        return recognize(document, languages, (index, image) -> { });
    }

    public List<Page> recognize(Document document, String languages, RenderedPages rendered) {
        return recognize(document, languages, 0, document.pageCount(), rendered);
    }

    /** Pages {@code from} (inclusive) to {@code to} (exclusive) of the document, in order. */
    public List<Page> recognize(Document document, String languages, int from, int to, RenderedPages rendered) {
        List<Future<Page>> pending = new ArrayList<>();
        for (int index = from; index < to; index++) {
            int page = index;
            pending.add(workers.submit(() -> {
                BufferedImage image = render(document, page);
                rendered.rendered(page, image);
                return engine.recognize(image, page, languages);
            }));
        }
        List<Page> pages = new ArrayList<>();
        try {
            for (Future<Page> future : pending) {
                pages.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrFailure("Interrupted while recognizing", e);
        } catch (ExecutionException e) {
            pending.forEach(future -> future.cancel(true));
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            if (e.getCause() instanceof OcrFailure failure) {
                throw failure;
            }
            throw new OcrFailure("Recognition failed: " + e.getCause(), e.getCause());
        }
        return pages;
    }

    private static BufferedImage render(Document document, int page) {
        synchronized (document) {
            return document.render(page);
        }
    }
}
