package com.ocrchat.ocr;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.OcrChatException;
import com.ocrchat.error.RecognitionFailure;
import com.ocrchat.observe.Stages;
import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.Word;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * Readings of an image on this thread's own Tesseract handle, within what is left of a page's pass budget, and of the
 * budget for all of the page's readings together.
 */
final class HandleReadings {
    /**
     * All of a page's readings together (first, enlarged, turned, in other languages) get this many pass budgets: a
     * page whose first reading takes its whole budget still gets a second, and a hostile page that reads poorly in
     * every language is not read a dozen times over.
     */
    static final int PASSES_PER_PAGE = 2;

    private final TesseractHandles handles;
    private final Duration passBudget;
    /** When the page being read on this thread must be done, all its readings together (none outside a page). */
    private final ThreadLocal<Long> pageDeadline = new ThreadLocal<>();

    HandleReadings(TesseractHandles handles, Duration passBudget) {
        this.handles = handles;
        this.passBudget = passBudget;
    }

    /** A page's readings on this thread, within the budget for them all (a page read within another keeps its budget). */
    <T> T withinPageBudget(Supplier<T> readings) {
        if (pageDeadline.get() != null) {
            return readings.get();
        }
        pageDeadline.set(System.nanoTime() + passBudget.toNanos() * PASSES_PER_PAGE);
        try {
            return readings.get();
        } finally {
            pageDeadline.remove();
        }
    }

    /** Grey pixels to read, placed at ({@code left}, {@code top}) of the page, with Tesseract's segmentation mode. */
    record Image(byte[] grey, int left, int top, int width, int height, int segmentation) {}

    /** One page's reading: its languages, its index, and the deadline its pass budget sets. */
    record Reading(String languages, int pageIndex, long deadline) {}

    /**
     * A reading of the page begun now, stopped by its pass budget or the page's, whichever ends first. None is begun
     * with less than a tenth of a pass budget left of the page's: its layout analysis, once begun, cannot be stopped.
     */
    Reading begin(String languages, int pageIndex) {
        long now = System.nanoTime();
        Long page = pageDeadline.get();
        if (page != null && page - now < passBudget.toNanos() / 10) {
            throw tooLong(pageIndex + 1);
        }
        long deadline = now + passBudget.toNanos();
        return new Reading(languages, pageIndex, page == null ? deadline : Math.min(deadline, page));
    }

    LimitExceeded tooLong(int page) {
        return new LimitExceeded(
                "Page " + page + " took longer to read than this server allows for a page",
                Map.of(
                        "page",
                        page,
                        "max_seconds_per_page",
                        passBudget.toSeconds(),
                        "max_seconds_per_page_all_readings",
                        passBudget.toSeconds() * PASSES_PER_PAGE));
    }

    /** The image read whole on this thread's handle. */
    List<Block> readWhole(Image image, Reading reading) {
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

    /**
     * The grey pixels in this thread's direct buffer, for Tesseract's SetImage, which copies them: the buffer is free
     * again once it returns.
     */
    static ByteBuffer directPixels(byte[] grey) {
        ByteBuffer pixels = PIXELS.get();
        if (pixels.capacity() < grey.length) {
            pixels = ByteBuffer.allocateDirect(grey.length);
            if (pixels.capacity() <= KEPT_PIXELS) {
                PIXELS.set(pixels); // an outsized page's buffer is not kept
            }
        }
        pixels.clear();
        pixels.put(grey).flip();
        return pixels;
    }

    TessBaseAPI set(Image image, Reading reading) {
        TessAPI api = TesseractHandles.api();
        TessBaseAPI handle = handles.recognizer(reading.languages());
        ByteBuffer pixels = directPixels(image.grey());
        api.TessBaseAPISetPageSegMode(handle, image.segmentation());
        api.TessBaseAPISetImage(handle, pixels, image.width(), image.height(), 1, image.width());
        api.TessBaseAPISetSourceResolution(handle, 300);
        return handle;
    }

    /** Recognizes the image set on the handle within what is left of the budget: its blocks in page coordinates. */
    List<Block> recognize(TessAPI api, TessBaseAPI handle, Image image, Reading reading) {
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

    <T> T await(Future<T> second, Reading reading) {
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

    /**
     * A part read alone, as one block of text: its lines on the page's paper in a box around them, so that neither a
     * neighbouring block nor another part's lines are read again.
     */
    List<Block> readPart(Image page, byte paper, PageRegions.Part part, Reading reading) {
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
        Image image = new Image(
                grey,
                box.left(),
                box.top(),
                box.width(),
                box.height(),
                part.vertical()
                        ? ITessAPI.TessPageSegMode.PSM_SINGLE_BLOCK_VERT_TEXT
                        : ITessAPI.TessPageSegMode.PSM_SINGLE_BLOCK);
        return part.vertical() ? readEitherWayUp(image, reading) : readWhole(image, reading);
    }

    /**
     * Lines set sideways run up the page (a photo credit beside a picture) or down it (Chinese or Japanese set
     * vertically), and Tesseract's vertical mode turns them one way only, reading the others upside down as garbage.
     * So a part that reads poorly is read again turned half round, and the reading with more confident characters kept,
     * its boxes turned back onto the page. Not read again: a part in a vertical script's own model (read its way up),
     * or one the page's time could not cover ten times over (the parts after it still need theirs); and the first
     * reading is kept when the second runs out of time. The part's pixels, its own copy, are turned in place.
     */
    List<Block> readEitherWayUp(Image part, Reading reading) {
        long begun = System.nanoTime();
        List<Block> asIs = readWhole(part, reading);
        long took = System.nanoTime() - begun;
        Page first = new Page(0, part.width(), part.height(), "", asIs);
        if (reading.languages().contains("_vert")
                || TesseractEngine.confidence(first) >= TesseractEngine.READS_WELL
                || reading.deadline() - System.nanoTime() < 10 * took) {
            return asIs;
        }
        return TesseractEngine.unlessOutOfTime(
                () -> {
                    byte[] turned = turnedHalfRound(part.grey());
                    List<Block> halfRound =
                            readWhole(
                                            new Image(turned, 0, 0, part.width(), part.height(), part.segmentation()),
                                            reading)
                                    .stream()
                                    .map(block -> turnedBack(block, part))
                                    .toList();
                    return TesseractEngine.readsBetter(new Page(0, part.width(), part.height(), "", halfRound), first)
                            ? halfRound
                            : asIs;
                },
                asIs);
    }

    /** The pixels turned half round, in place: a row-major image read backwards is itself turned by 180 degrees. */
    private static byte[] turnedHalfRound(byte[] grey) {
        for (int i = 0, j = grey.length - 1; i < j; i++, j--) {
            byte pixel = grey[i];
            grey[i] = grey[j];
            grey[j] = pixel;
        }
        return grey;
    }

    /** A block read from a part turned half round (at 0, 0), put back where the part lies on the page. */
    private static Block turnedBack(Block block, Image part) {
        List<Word> words = block.words().stream()
                .map(word -> new Word(word.text(), turnedBack(word.bbox(), part), word.confidence()))
                .toList();
        return new Block(block.text(), turnedBack(block.bbox(), part), block.confidence(), words);
    }

    private static int[] turnedBack(int[] box, Image part) {
        return new int[] {
            part.left() + part.width() - box[2],
            part.top() + part.height() - box[3],
            part.left() + part.width() - box[0],
            part.top() + part.height() - box[1]
        };
    }
}
