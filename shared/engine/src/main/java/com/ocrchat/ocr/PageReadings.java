package com.ocrchat.ocr;

import com.ocrchat.observe.Stages;
import com.ocrchat.ocr.HandleReadings.Image;
import com.ocrchat.ocr.HandleReadings.Reading;
import com.ocrchat.page.Block;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * One Tesseract reading of a page's grey pixels, within the pass budget. Tesseract reads a page on one core; when
 * fewer pages are being read than the service has reading threads, a page takes a spare one: its text blocks (from
 * Tesseract's layout analysis; one cut in two where that evens the work out, {@link PageRegions}) are read at once by
 * this thread and a helper, each on its own handle, each taking the largest part left ({@link SharedParts}), and
 * joined in reading order. A single request's page then comes back in a little over half the time; pages of a busy
 * document still use one thread each, except a page read while no page waits for a thread (a job's last few), whose
 * parts a thread coming free as another page ends joins ({@link ReadingSlots}).
 */
final class PageReadings {
    private final HandleReadings handles;
    private final ReadingSlots slots;

    /** {@code threads}: how many readings may run at once (pages and helpers), the cores given to reading. */
    PageReadings(TesseractHandles handles, Duration passBudget, int threads) {
        this.handles = new HandleReadings(handles, passBudget);
        this.slots = new ReadingSlots(threads);
    }

    /**
     * A page's readings on this thread, within one budget for them all ({@link HandleReadings#withinPageBudget}),
     * holding the page's slot throughout (a helper takes no core from a page between two of its passes).
     */
    <T> T withinPageBudget(Supplier<T> page) {
        slots.pageBegins();
        try {
            return handles.withinPageBudget(page);
        } finally {
            slots.pageEnds();
        }
    }

    /** Where pages wait for a reading thread: while any do, no page takes a second one. */
    void pagesWaitIn(BooleanSupplier pagesWaiting) {
        slots.pagesWaitIn(pagesWaiting);
    }

    /**
     * The page's blocks in reading order (paragraphs not yet joined), null when not read; and the height of its words
     * as its layout shows them (0 when it shows too few lines to tell; for a page read in halves across, the top
     * half's, which is the half the size is checked on).
     */
    record Read(List<Block> blocks, double wordHeight) {}

    /**
     * Reads the page after Tesseract's layout analysis (which the reading then goes on from, so it costs nothing
     * extra): unread when {@code readAtThisSize} (if given) refuses the height of its words as the layout shows them,
     * else in parts on two threads when a thread is spare (or may come free: no page waits for one), else whole.
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
        slots.pageBegins();
        try {
            if (segmentation == ITessAPI.TessPageSegMode.PSM_AUTO) {
                Optional<Read> across = readAcross(page, handles.begin(languages, pageIndex), readAtThisSize);
                if (across.isPresent()) {
                    return across.get();
                }
            }
            // A pass of its own: a page whose halves showed columns after all has its whole budget again.
            ParallelPages.stopIfAbandoned(); // the analysis below cannot be stopped; not begun for a page given up
            Reading reading = handles.begin(languages, pageIndex);
            Optional<PageRegions.Halves> halves;
            double wordHeight;
            Runnable helperDone = null;
            TessAPI api = TesseractHandles.api();
            TessBaseAPI handle = handles.set(page, reading);
            try {
                List<PageRegions.Region> regions = Stages.time(
                        Stages.RECOGNITION, pageIndex, () -> PageRegions.analyse(api, handle, width, height));
                wordHeight = PageRegions.wordHeight(regions);
                if (readAtThisSize != null && wordHeight > 0 && !readAtThisSize.test(wordHeight)) {
                    return new Read(null, wordHeight);
                }
                halves = segmentation == ITessAPI.TessPageSegMode.PSM_AUTO
                        ? PageRegions.halves(regions)
                        : Optional.empty();
                if (halves.isPresent()) {
                    helperDone = slots.takeSpare();
                }
                // With no thread spare now, a page read while no page waits for a thread (a job's last few) is still
                // read in parts, so that a thread coming free as another page ends can join it; else whole, at less
                // cost.
                if (helperDone == null && (halves.isEmpty() || !slots.helperMayComeFree())) {
                    return new Read(handles.recognize(api, handle, page, reading), wordHeight);
                }
            } finally {
                api.TessBaseAPIClear(handle);
            }
            return new Read(readPartsOnTwoThreads(page, reading, halves.get(), helperDone), wordHeight);
        } finally {
            slots.pageEnds();
        }
    }

    /** A half's blocks (none when not read: columns, or not to be read at this size) and its words' height (0: unknown). */
    private record Half(List<Block> blocks, double wordHeight) {}

    /**
     * A page of one column ({@link PageCut}) read in two halves across it at once when a thread is spare, each half
     * with its own layout analysis, so that no part of the reading waits for another. Empty when no thread is spare,
     * the page has no such cut, or a half's layout shows columns after all (the page is then read as a whole).
     */
    private Optional<Read> readAcross(Image page, Reading reading, DoublePredicate readAtThisSize) {
        Runnable helperDone = slots.takeSpare();
        if (helperDone == null) {
            return Optional.empty();
        }
        AtomicBoolean begun = new AtomicBoolean();
        Future<Half> later;
        Image top;
        Image bottom;
        try {
            Optional<SteppedCut> cut = Stages.time(
                    Stages.LAYOUT, reading.pageIndex(), () -> PageCut.across(page.grey(), page.width(), page.height()));
            if (cut.isEmpty()) {
                helperDone.run();
                return Optional.empty();
            }
            top = cut.get().top(page);
            bottom = cut.get().bottom(page);
            ParallelPages.stopIfAbandoned(); // nothing is begun for a page given up
        } catch (RuntimeException | Error e) {
            helperDone.run();
            throw e;
        }
        later = slots.onHelper(begun, () -> readHalf(bottom, reading, null), helperDone);
        Half first;
        try {
            first = readHalf(top, reading, readAtThisSize);
            ParallelPages.stopIfAbandoned(); // the other half's analysis is not begun here for a page given up
        } catch (RuntimeException | Error e) {
            ReadingSlots.stop(later, begun, helperDone);
            throw e;
        }
        if (first.blocks() == null) {
            ReadingSlots.stop(later, begun, helperDone);
            return first.wordHeight() > 0 ? Optional.of(new Read(null, first.wordHeight())) : Optional.empty();
        }
        Half second;
        if (begun.compareAndSet(false, true)) {
            // The helper has not begun the other half: this thread reads it.
            later.cancel(false);
            helperDone.run();
            second = readHalf(bottom, reading, null);
        } else {
            try {
                second = Stages.time(Stages.RECOGNITION, reading.pageIndex(), () -> handles.await(later, reading));
            } catch (RuntimeException | Error e) {
                later.cancel(true); // given up or out of time: the helper stops between two words
                throw e;
            }
        }
        if (second.blocks() == null) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>(first.blocks());
        blocks.addAll(second.blocks());
        return Optional.of(new Read(blocks, first.wordHeight()));
    }

    private Half readHalf(Image half, Reading reading, DoublePredicate readAtThisSize) {
        TessAPI api = TesseractHandles.api();
        TessBaseAPI handle = handles.set(half, reading);
        try {
            List<PageRegions.Region> regions = Stages.time(
                    Stages.RECOGNITION,
                    reading.pageIndex(),
                    () -> PageRegions.analyse(api, handle, half.width(), half.height()));
            if (PageRegions.sideBySide(regions)) {
                return new Half(null, 0);
            }
            double wordHeight = PageRegions.wordHeight(regions);
            if (readAtThisSize != null && wordHeight > 0 && !readAtThisSize.test(wordHeight)) {
                return new Half(null, wordHeight);
            }
            return new Half(handles.recognize(api, handle, half, reading), wordHeight);
        } finally {
            api.TessBaseAPIClear(handle);
        }
    }

    /**
     * Reads the parts on this thread and a helper, largest first ({@link SharedParts#readSharing}): the helper from the
     * start when {@code helperDone} (its slot) is given, else from when a slot comes free, if one does.
     */
    private List<Block> readPartsOnTwoThreads(
            Image page, Reading reading, PageRegions.Halves halves, Runnable helperDone) {
        Function<PageRegions.Part, List<Block>> reader;
        SharedParts parts;
        try {
            ParallelPages.stopIfAbandoned(); // the analysis cannot be stopped; the parts are not begun for nothing
            byte paper = GreyPixels.paper(page.grey());
            reader = part -> handles.readPart(page, paper, part, reading);
            List<PageRegions.Part> all = new ArrayList<>(halves.first());
            all.addAll(halves.second());
            parts = new SharedParts(all);
        } catch (RuntimeException | Error e) {
            if (helperDone != null) {
                helperDone.run();
            }
            throw e;
        }
        return parts.readSharing(
                reader,
                slots,
                helperDone,
                helper -> Stages.time(Stages.RECOGNITION, reading.pageIndex(), () -> handles.await(helper, reading)));
    }
}
