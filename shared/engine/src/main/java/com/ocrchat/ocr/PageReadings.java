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
import java.util.concurrent.atomic.AtomicInteger;
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

    /** The page's blocks in reading order, as Tesseract found them (paragraphs not yet joined). */
    List<Block> read(byte[] grey, int width, int height, int pageIndex, String languages, int segmentation) {
        Image page = new Image(grey, 0, 0, width, height, segmentation);
        Reading reading = new Reading(languages, pageIndex, System.nanoTime() + passBudget.toNanos());
        readings.incrementAndGet();
        boolean helped = segmentation == ITessAPI.TessPageSegMode.PSM_AUTO && takeSpareThread();
        try {
            return helped ? readInHalves(page, reading) : read(page, reading, true);
        } finally {
            readings.addAndGet(helped ? -2 : -1);
        }
    }

    private boolean takeSpareThread() {
        int now = readings.get();
        while (helpers != null && now < threads) {
            if (readings.compareAndSet(now, now + 1)) {
                return true;
            }
            now = readings.get();
        }
        return false;
    }

    /** Grey pixels to read, placed at ({@code left}, {@code top}) of the page, with Tesseract's segmentation mode. */
    private record Image(byte[] grey, int left, int top, int width, int height, int segmentation) {}

    /** One page's reading: its languages, its index, and the deadline its pass budget sets. */
    private record Reading(String languages, int pageIndex, long deadline) {}

    private List<Block> readInHalves(Image page, Reading reading) {
        TessAPI api = TesseractHandles.api();
        TessBaseAPI handle = set(page, reading);
        Optional<PageRegions.Halves> halves;
        try {
            halves = Stages.time(
                    Stages.RECOGNITION,
                    reading.pageIndex(),
                    () -> PageRegions.halves(PageRegions.analyse(api, handle, page.width(), page.height())));
            if (halves.isEmpty()) {
                return recognize(api, handle, page, reading, true); // read on from the layout just found
            }
        } finally {
            api.TessBaseAPIClear(handle);
        }
        // The helper's stages are not recorded: this thread's wait for it stands for its time in the breakdown.
        Future<List<Block>> later =
                helpers.submit(() -> readParts(page, halves.get().second(), reading, false));
        try {
            List<Block> blocks = new ArrayList<>(readParts(page, halves.get().first(), reading, true));
            blocks.addAll(Stages.time(Stages.RECOGNITION, reading.pageIndex(), () -> await(later)));
            return blocks;
        } catch (RuntimeException | Error e) {
            later.cancel(true);
            throw e;
        }
    }

    private static List<Block> await(Future<List<Block>> second) {
        try {
            return second.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecognitionFailure("Stopped: the page was given up");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OcrChatException known) {
                throw known;
            }
            throw new RecognitionFailure("Tesseract failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Each part read alone, as one block of text: its lines on white in its block's box, so that neither a
     * neighbouring block reaching into the box nor the other thread's lines are read again.
     */
    private List<Block> readParts(Image page, List<PageRegions.Part> parts, Reading reading, boolean timed) {
        List<Block> blocks = new ArrayList<>();
        for (PageRegions.Part part : parts) {
            PageRegions.Box box = part.box();
            byte[] grey = new byte[box.width() * box.height()];
            Arrays.fill(grey, (byte) 0xff);
            for (PageRegions.Box line : part.lines()) {
                int left = Math.max(line.left(), box.left());
                int right = Math.min(line.right(), box.right());
                for (int y = Math.max(line.top(), box.top()); y < Math.min(line.bottom(), box.bottom()); y++) {
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
            blocks.addAll(read(
                    new Image(grey, box.left(), box.top(), box.width(), box.height(), segmentation), reading, timed));
        }
        return blocks;
    }

    /** The image read on this thread's handle. */
    private List<Block> read(Image image, Reading reading, boolean timed) {
        TessAPI api = TesseractHandles.api();
        TessBaseAPI handle = set(image, reading);
        try {
            return recognize(api, handle, image, reading, timed);
        } finally {
            api.TessBaseAPIClear(handle);
        }
    }

    private TessBaseAPI set(Image image, Reading reading) {
        TessAPI api = TesseractHandles.api();
        TessBaseAPI handle = handles.recognizer(reading.languages());
        ByteBuffer pixels = ByteBuffer.allocateDirect(image.grey().length);
        pixels.put(image.grey()).flip();
        api.TessBaseAPISetPageSegMode(handle, image.segmentation());
        api.TessBaseAPISetImage(handle, pixels, image.width(), image.height(), 1, image.width());
        api.TessBaseAPISetSourceResolution(handle, 300);
        return handle;
    }

    /** Recognizes the image set on the handle within what is left of the budget: its blocks in page coordinates. */
    private List<Block> recognize(TessAPI api, TessBaseAPI handle, Image image, Reading reading, boolean timed) {
        int page = reading.pageIndex();
        Duration left = Duration.ofNanos(Math.max(1_000_000L, reading.deadline() - System.nanoTime()));
        boolean recognized = timed
                ? Stages.time(Stages.RECOGNITION, page, () -> PassMonitor.recognize(api, handle, left))
                : PassMonitor.recognize(api, handle, left);
        if (!recognized) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RecognitionFailure("Stopped: page " + (page + 1) + " was given up");
            }
            if (System.nanoTime() >= reading.deadline()) {
                throw new LimitExceeded(
                        "Page " + (page + 1) + " took longer to read than this server allows for a page",
                        Map.of("page", page + 1, "max_seconds_per_page", passBudget.toSeconds()));
            }
            throw new RecognitionFailure("Tesseract failed to recognize page " + (page + 1));
        }
        String languages = reading.languages();
        return timed
                ? Stages.time(
                        Stages.LAYOUT,
                        page,
                        () -> TesseractResults.readBlocks(handle, languages, image.left(), image.top()))
                : TesseractResults.readBlocks(handle, languages, image.left(), image.top());
    }
}
