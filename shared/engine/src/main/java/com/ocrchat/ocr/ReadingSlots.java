package com.ocrchat.ocr;

import com.ocrchat.concurrent.DaemonThreads;
import com.ocrchat.observe.Stages;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The cores given to reading, as slots: each page being read holds one, and a page's helper (a thread of a small pool
 * that reads part of it) holds another, taken only while a slot is spare and no page waits for a reading thread.
 */
final class ReadingSlots {
    private final int threads;
    private final AtomicInteger taken = new AtomicInteger();
    private final ExecutorService helpers;
    private volatile BooleanSupplier pagesWaiting = () -> false;

    ReadingSlots(int threads) {
        this.threads = Math.max(1, threads);
        // Fixed threads: each keeps its handles (thread-local), which an idle thread's end would leak.
        this.helpers = this.threads > 1
                ? Executors.newFixedThreadPool(this.threads - 1, DaemonThreads.named("ocr-helper"))
                : null;
    }

    void pagesWaitIn(BooleanSupplier pagesWaiting) {
        this.pagesWaiting = pagesWaiting;
    }

    /** How deep this thread is in a page's readings: the page holds its one slot from the first to the last. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * A page's own slot, held while it is read, all its passes (even past the cores given: a page is never refused
     * one); nested calls on the same thread hold it once.
     */
    void pageBegins() {
        if (depth.get()[0]++ == 0) {
            taken.incrementAndGet();
        }
    }

    void pageEnds() {
        if (--depth.get()[0] == 0) {
            taken.decrementAndGet();
        }
    }

    /** Whether a helper may come free for this page later: there are helpers, and no page waits for a thread. */
    boolean helperMayComeFree() {
        return helpers != null && !pagesWaiting.getAsBoolean();
    }

    /** A spare slot for a helper, given back once by the returned action, or null when none is spare. */
    Runnable takeSpare() {
        int now = taken.get();
        while (helpers != null && now < threads && !pagesWaiting.getAsBoolean()) {
            if (taken.compareAndSet(now, now + 1)) {
                AtomicBoolean given = new AtomicBoolean();
                return () -> {
                    if (given.compareAndSet(false, true)) {
                        taken.decrementAndGet();
                    }
                };
            }
            now = taken.get();
        }
        return null;
    }

    /**
     * The helper's work, done if the helper claims it first (else null: the page's thread has claimed it); the
     * helper's slot is given back when it ends, or here if it cannot be handed to the helper at all.
     */
    <T> Future<T> onHelper(AtomicBoolean claim, Supplier<T> work, Runnable helperDone) {
        try {
            return helpers.submit(() -> {
                try {
                    // Its stages are not recorded: the page's thread's wait for it stands for its time in the
                    // breakdown.
                    return claim.compareAndSet(false, true) ? Stages.untimed(work) : null;
                } finally {
                    helperDone.run();
                }
            });
        } catch (RuntimeException | Error e) {
            helperDone.run();
            throw e;
        }
    }

    /** The helper's work not wanted: never begun (its slot given back here), or stopped between two words. */
    static void stop(Future<?> later, AtomicBoolean begun, Runnable helperDone) {
        if (begun.compareAndSet(false, true)) {
            later.cancel(false);
            helperDone.run();
        } else {
            later.cancel(true);
        }
    }
}
