package com.ocrchat.ocr;

import com.ocrchat.page.Block;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A page's parts, read by its thread and a helper, each claiming the largest part left as it comes free; the blocks
 * kept in reading order. The last parts claimed are the smallest, so neither thread waits on the other for long: split
 * into two fixed runs of about equal estimated work, the helper's run ended 0.2-0.6 s after this thread's on the
 * bench's real pages (a part costs about 20 ms besides its lines, and lines differ). The helper may join from the
 * start or, when no core was spare then, as one comes free between two parts.
 */
final class SharedParts {
    /** A part's cost besides its lines', in {@link PageRegions#work} (its own image, thresholding and layout). */
    private static final double PART_WORK = 18;

    private final List<PageRegions.Part> parts;
    private final int[] largestFirst;
    private final List<List<Block>> read;
    private int claimed;

    SharedParts(List<PageRegions.Part> parts) {
        this.parts = List.copyOf(parts);
        this.largestFirst = IntStream.range(0, parts.size())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer index) -> work(parts.get(index)))
                        .reversed())
                .mapToInt(Integer::intValue)
                .toArray();
        this.read = new ArrayList<>(Collections.nCopies(parts.size(), null));
    }

    /**
     * Reads the parts on this thread, with a helper from the start when {@code helperDone} (its slot) is given, else
     * from when a slot comes free between two parts while two or more are left; {@code awaitHelper} waits for a helper
     * that has begun. Gives the helper's slot back (here, or by the helper when it has begun). The blocks in reading
     * order.
     */
    List<Block> readSharing(
            Function<PageRegions.Part, List<Block>> reader,
            ReadingSlots slots,
            Runnable helperDone,
            Consumer<Future<Void>> awaitHelper) {
        AtomicBoolean begun = new AtomicBoolean();
        Runnable slot = helperDone;
        Future<Void> later = null;
        try {
            do {
                if (slot == null && unclaimed() >= 2) {
                    slot = slots.takeSpare();
                }
                if (later == null && slot != null) {
                    later = slots.onHelper(
                            begun,
                            () -> {
                                readWhileAny(reader);
                                return null;
                            },
                            slot);
                }
            } while (readNext(reader));
            if (later != null && begun.compareAndSet(false, true)) {
                // The helper has not begun: this thread has read every part.
                later.cancel(false);
                slot.run();
            } else if (later != null) {
                awaitHelper.accept(later);
            }
            return inOrder();
        } catch (RuntimeException | Error e) {
            if (later != null) {
                ReadingSlots.stop(later, begun, slot);
            }
            throw e; // a slot taken but not handed over was given back by onHelper, which threw
        }
    }

    /** Reads the largest part left until none is, or a part has failed on either thread (its reading fails). */
    void readWhileAny(Function<PageRegions.Part, List<Block>> reader) {
        while (readNext(reader)) {
            // each turn reads one part
        }
    }

    /** Reads the largest part left: false when none is (or a part has failed on either thread). */
    boolean readNext(Function<PageRegions.Part, List<Block>> reader) {
        int next = claim();
        if (next < 0) {
            return false;
        }
        List<Block> blocks;
        try {
            blocks = reader.apply(parts.get(next));
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                claimed = largestFirst.length; // the other thread claims no more
            }
            throw e;
        }
        synchronized (this) {
            read.set(next, blocks);
        }
        return true;
    }

    /** All parts' blocks in reading order, once both threads have read every part (never a page with a gap). */
    synchronized List<Block> inOrder() {
        List<Block> blocks = new ArrayList<>();
        for (List<Block> part : read) {
            if (part == null) {
                throw new IllegalStateException("A part of the page was not read");
            }
            blocks.addAll(part);
        }
        return blocks;
    }

    private synchronized int unclaimed() {
        return largestFirst.length - claimed;
    }

    private synchronized int claim() {
        return claimed < largestFirst.length ? largestFirst[claimed++] : -1;
    }

    static double work(PageRegions.Part part) {
        return PART_WORK + part.lines().stream().mapToDouble(PageRegions::work).sum();
    }
}
