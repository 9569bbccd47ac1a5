package com.ocrchat.ocr;

import com.ocrchat.concurrent.DaemonThreads;
import com.ocrchat.error.RecognitionFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-page work run in parallel on a bounded, replaceable pool, all or nothing: when one page fails, the
 * others are cancelled (the running ones interrupted, which the page budgets turn into a stop between
 * drawing operators and between Tesseract's words) and the caller waits until those already started have
 * stopped, so nothing of a failed call still happens after it returns. A page that does not stop within the
 * grace (a decoder deep in one call) is abandoned with its thread: the pool is replaced, so later documents
 * never queue behind it. A child process per page would stop anything, but would pay a JVM start and
 * Tesseract's model loading per page; the budgets bound the work instead and the pool bounds the damage.
 */
public final class ParallelPages {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelPages.class);

    private final String name;
    private final int threads;
    private final Duration stopGrace;
    private final AtomicReference<ExecutorService> pool;
    /** Tasks handed to the pool and not yet begun (or given up). */
    private final AtomicInteger queued = new AtomicInteger();

    public ParallelPages(String name, int threads, Duration stopGrace) {
        this.name = name;
        this.threads = Math.max(1, threads);
        this.stopGrace = stopGrace;
        this.pool = new AtomicReference<>(newPool());
    }

    private ExecutorService newPool() {
        return Executors.newFixedThreadPool(threads, DaemonThreads.named(name));
    }

    /** The tasks' results in order, or the first failure in order once every started task has stopped. */
    public <T> List<T> run(List<Callable<T>> tasks) throws ExecutionException, InterruptedException {
        ExecutorService workers = pool.get();
        Phaser running = new Phaser(1);
        List<Future<T>> pending = new ArrayList<>();
        List<AtomicBoolean> dequeued = new ArrayList<>();
        List<Callable<T>> started = new ArrayList<>();
        List<T> results = new ArrayList<>();
        try {
            for (Callable<T> task : tasks) {
                AtomicBoolean out = new AtomicBoolean();
                dequeued.add(out);
                queued.incrementAndGet();
                Callable<T> begun = () -> {
                    leaveQueue(out);
                    running.register();
                    try {
                        return task.call();
                    } finally {
                        running.arriveAndDeregister();
                    }
                };
                started.add(begun);
                pending.add(workers.submit(begun));
            }
            for (int i = 0; i < pending.size(); i++) {
                try {
                    results.add(pending.get(i).get());
                } catch (CancellationException dropped) {
                    // Not ours: another document's page would not stop and the pool was replaced, dropping this
                    // page before it began. It runs on the new pool.
                    pending.set(i, pool.get().submit(started.get(i)));
                    i--;
                }
            }
        } catch (ExecutionException | InterruptedException e) {
            pending.forEach(future -> future.cancel(true));
            awaitStopped(running, workers);
            throw e;
        } finally {
            dequeued.forEach(this::leaveQueue); // tasks that never began (given up, or refused) wait no more
        }
        return results;
    }

    private void leaveQueue(AtomicBoolean out) {
        if (out.compareAndSet(false, true)) {
            queued.decrementAndGet();
        }
    }

    /** Whether tasks handed to this pool have not begun yet. */
    public boolean tasksWaiting() {
        return queued.get() > 0;
    }

    private void awaitStopped(Phaser running, ExecutorService workers) {
        int phase = running.arrive();
        try {
            running.awaitAdvanceInterruptibly(phase, stopGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            if (pool.compareAndSet(workers, newPool())) {
                // Pages of other documents still queued there are cancelled, and their calls run them anew.
                workers.shutdownNow().forEach(dropped -> ((Future<?>) dropped).cancel(false));
                LOG.warn(
                        "A page did not stop within {} s of being given up; its {} pool was replaced",
                        stopGrace.toSeconds(),
                        name);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops a page between steps once its call has been given up (its thread interrupted). */
    public static void stopIfAbandoned() {
        if (Thread.currentThread().isInterrupted()) {
            throw new RecognitionFailure("Stopped: another page of the document failed");
        }
    }
}
