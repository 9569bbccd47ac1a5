package com.ocrchat.ocr;

import com.ocrchat.concurrent.DaemonThreads;
import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.OcrChatException;
import com.ocrchat.error.RecognitionFailure;
import com.ocrchat.observe.Stages;
import com.ocrchat.page.Block;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoublePredicate;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * One Tesseract reading of a page's grey pixels, within the pass budget. Tesseract reads a page on one core; when
 * fewer pages are being read than the service has reading threads, a page takes a spare one: its text blocks (from
 * Tesseract's layout analysis) are cut into two runs of about equal work ({@link PageRegions}), read at once by
 * this thread and a helper, each on its own handle, and joined in reading order. A single request's page then
 * comes back in a little over half the time; pages of a busy document still use one thread each.
 */
final class PageReadings {
    private final TesseractHandles handles;
    private final Duration passBudget;
    private final int threads;
    private final AtomicInteger readings = new AtomicInteger();
    private final ExecutorService helpers;
    private volatile BooleanSupplier pagesWaiting = () -> false;

    /** {@code threads}: how many readings may run at once (pages and helpers), the cores given to reading. */
    PageReadings(TesseractHandles handles, Duration passBudget, int threads) {
        this.handles = handles;
        this.passBudget = passBudget;
        this.threads = Math.max(1, threads);
        // Fixed threads: each keeps its handles (thread-local), which an idle thread's end would leak.
        this.helpers = this.threads > 1
                ? Executors.newFixedThreadPool(this.threads - 1, DaemonThreads.named("ocr-helper"))
                : null;
    }

    /** Where pages wait for a reading thread: while any do, no page takes a second one. */
    void pagesWaitIn(BooleanSupplier pagesWaiting) {
        this.pagesWaiting = pagesWaiting;
    }

    /** The page's blocks in reading order (paragraphs not yet joined); or, not read, the word height its layout shows. */
    record Read(List<Block> blocks, double wordHeight) {}

    /**
     * Reads the page after Tesseract's layout analysis (which the reading then goes on from, so it costs nothing
     * extra): unread when {@code readAtThisSize} (if given) refuses the height of its words as the layout shows them,
     * else whole, or in halves when a thread is spare.
     */
    Read read(
            byte[] grey,
            int width,
            int height,
            int pageIndex,
            String languages,
            int segmentation,
            DoublePredicate readAtThisSize) {
        Image page = new Image(grey, 0, 0, width, height, segmentation);
        Reading reading = new Reading(languages, pageIndex, System.nanoTime() + passBudget.toNanos());
        readings.incrementAndGet();
        try {
            Optional<PageRegions.Halves> halves;
            Runnable helperDone = null;
            TessAPI api = TesseractHandles.api();
            TessBaseAPI handle = set(page, reading);
            try {
                List<PageRegions.Region> regions = Stages.time(
                        Stages.RECOGNITION, pageIndex, () -> PageRegions.analyse(api, handle, width, height));
                double wordHeight = PageRegions.wordHeight(regions);
                if (readAtThisSize != null && wordHeight > 0 && !readAtThisSize.test(wordHeight)) {
                    return new Read(null, wordHeight);
                }
                halves = segmentation == ITessAPI.TessPageSegMode.PSM_AUTO
                        ? PageRegions.halves(regions)
                        : Optional.empty();
                if (halves.isPresent()) {
                    helperDone = takeSpareThread();
                }
                if (helperDone == null) {
                    return new Read(recognize(api, handle, page, reading), 0);
                }
            } finally {
                api.TessBaseAPIClear(handle);
            }
            return new Read(readInHalves(page, reading, halves.get(), helperDone), 0);
        } finally {
            readings.decrementAndGet();
        }
    }

    /** A spare thread's slot, given back once by what the returned action, or null when none is spare. */
    private Runnable takeSpareThread() {
        int now = readings.get();
        while (helpers != null && now < threads && !pagesWaiting.getAsBoolean()) {
            if (readings.compareAndSet(now, now + 1)) {
                AtomicBoolean given = new AtomicBoolean();
                return () -> {
                    if (given.compareAndSet(false, true)) {
                        readings.decrementAndGet();
                    }
                };
            }
            now = readings.get();
        }
        return null;
    }

    /** Grey pixels to read, placed at ({@code left}, {@code top}) of the page, with Tesseract's segmentation mode. */
    private record Image(byte[] grey, int left, int top, int width, int height, int segmentation) {}

    /** One page's reading: its languages, its index, and the deadline its pass budget sets. */
    private record Reading(String languages, int pageIndex, long deadline) {}

    /** Reads the halves; gives the helper's slot back (here, or by the helper when it has begun). */
    private List<Block> readInHalves(Image page, Reading reading, PageRegions.Halves halves, Runnable helperDone) {
        byte paper = GreyPixels.paper(page.grey());
        // Whoever claims the second half reads it: the helper, or this thread if the helper has not begun by then.
        AtomicBoolean secondClaimed = new AtomicBoolean();
        Future<List<Block>> later;
        try {
            ParallelPages.stopIfAbandoned(); // the analysis cannot be stopped; the halves are not begun for nothing
            later = helpers.submit(() -> {
                try {
                    // Its stages are not recorded: this thread's wait for it stands for its time in the breakdown.
                    return secondClaimed.compareAndSet(false, true)
                            ? Stages.untimed(() -> readParts(page, paper, halves.second(), reading))
                            : null;
                } finally {
                    helperDone.run();
                }
            });
        } catch (RuntimeException | Error e) {
            helperDone.run();
            throw e;
        }
        try {
            List<Block> blocks = new ArrayList<>(readParts(page, paper, halves.first(), reading));
            if (secondClaimed.compareAndSet(false, true)) {
                later.cancel(false);
                helperDone.run();
                blocks.addAll(readParts(page, paper, halves.second(), reading));
            } else {
                blocks.addAll(Stages.time(Stages.RECOGNITION, reading.pageIndex(), () -> await(later, reading)));
            }
            return blocks;
        } catch (RuntimeException | Error e) {
            if (secondClaimed.compareAndSet(false, true)) {
                helperDone.run();
            }
            later.cancel(true);
            throw e;
        }
    }

    private List<Block> await(Future<List<Block>> second, Reading reading) {
        int page = reading.pageIndex() + 1;
        try {
            // The helper stops by its own deadline; the grace covers a reading stopping between two words.
            return second.get(
                    Math.max(0, reading.deadline() - System.nanoTime()) + OcrPipeline.STOP_GRACE.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecognitionFailure("Stopped: page " + page + " was given up");
        } catch (TimeoutException e) {
            throw tooLong(page);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OcrChatException known) {
                throw known;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new RecognitionFailure("Tesseract failed on page " + page + ": " + e.getCause(), e.getCause());
        }
    }

    private LimitExceeded tooLong(int page) {
        return new LimitExceeded(
                "Page " + page + " took longer to read than this server allows for a page",
                Map.of("page", page, "max_seconds_per_page", passBudget.toSeconds()));
    }

    /**
     * Each part read alone, as one block of text: its lines on the page's paper in a box around them, so that
     * neither a neighbouring block nor the other thread's lines are read again.
     */
    private List<Block> readParts(Image page, byte paper, List<PageRegions.Part> parts, Reading reading) {
        List<Block> blocks = new ArrayList<>();
        for (PageRegions.Part part : parts) {
            PageRegions.Box box = part.box();
            byte[] grey = new byte[box.width() * box.height()];
            Arrays.fill(grey, paper);
            for (PageRegions.Box line : part.lines()) {
                int left = Math.max(line.left(), box.left());
                int right = Math.min(line.right(), box.right());
                for (int y = Math.max(line.top(), box.top());
                        right > left && y < Math.min(line.bottom(), box.bottom());
                        y++) {
                    System.arraycopy(
                            page.grey(),
                            y * page.width() + left,
                            grey,
                            (y - box.top()) * box.width() + left - box.left(),
                            right - left);
                }
            }
            int segmentation = part.vertical()
                    ? ITessAPI.TessPageSegMode.PSM_SINGLE_BLOCK_VERT_TEXT
                    : ITessAPI.TessPageSegMode.PSM_SINGLE_BLOCK;
            blocks.addAll(readWhole(
                    new Image(grey, box.left(), box.top(), box.width(), box.height(), segmentation), reading));
        }
        return blocks;
    }

    /** The image read whole on this thread's handle. */
    private List<Block> readWhole(Image image, Reading reading) {
        TessAPI api = TesseractHandles.api();
        TessBaseAPI handle = set(image, reading);
        try {
            return recognize(api, handle, image, reading);
        } finally {
            api.TessBaseAPIClear(handle);
        }
    }

    /**
     * Each thread's buffer for the pixels it hands Tesseract, grown as needed: a direct buffer per image would count
     * against the JVM's direct memory until a collection, which the JVM then forces (a full GC per page).
     */
    private static final int KEPT_PIXELS = 64 << 20;

    private static final ThreadLocal<ByteBuffer> PIXELS = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(0));

    private TessBaseAPI set(Image image, Reading reading) {
        TessAPI api = TesseractHandles.api();
        TessBaseAPI handle = handles.recognizer(reading.languages());
        ByteBuffer pixels = PIXELS.get();
        if (pixels.capacity() < image.grey().length) {
            pixels = ByteBuffer.allocateDirect(image.grey().length);
            if (pixels.capacity() <= KEPT_PIXELS) {
                PIXELS.set(pixels); // an outsized page's buffer is not kept
            }
        }
        // Tesseract copies the pixels on SetImage, so the buffer is free again once it returns.
        pixels.clear();
        pixels.put(image.grey()).flip();
        api.TessBaseAPISetPageSegMode(handle, image.segmentation());
        api.TessBaseAPISetImage(handle, pixels, image.width(), image.height(), 1, image.width());
        api.TessBaseAPISetSourceResolution(handle, 300);
        return handle;
    }

    /** Recognizes the image set on the handle within what is left of the budget: its blocks in page coordinates. */
    private List<Block> recognize(TessAPI api, TessBaseAPI handle, Image image, Reading reading) {
        int page = reading.pageIndex() + 1;
        long left = reading.deadline() - System.nanoTime();
        if (left <= 0) {
            throw tooLong(page);
        }
        // Rounded up, so Tesseract's own deadline never falls before this reading's.
        Duration budget = Duration.ofMillis((left + 999_999) / 1_000_000);
        if (!Stages.time(Stages.RECOGNITION, reading.pageIndex(), () -> PassMonitor.recognize(api, handle, budget))) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RecognitionFailure("Stopped: page " + page + " was given up");
            }
            if (System.nanoTime() >= reading.deadline()) {
                throw tooLong(page);
            }
            throw new RecognitionFailure("Tesseract failed to recognize page " + page);
        }
        return Stages.time(
                Stages.LAYOUT,
                reading.pageIndex(),
                () -> TesseractResults.readBlocks(handle, reading.languages(), image.left(), image.top()));
    }
}
