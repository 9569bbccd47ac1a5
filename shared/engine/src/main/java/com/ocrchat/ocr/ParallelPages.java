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
        List<Queued<T>> handed = new ArrayList<>();
        List<T> results = new ArrayList<>();
        try {
            for (Callable<T> task : tasks) {
                Queued<T> queuedTask = new Queued<>(task, running);
                handed.add(queuedTask);
                queuedTask.future = workers.submit(queuedTask.begun);
            }
            for (int i = 0; i < handed.size(); i++) {
                Queued<T> task = handed.get(i);
                try {
                    results.add(task.future.get());
                } catch (CancellationException dropped) {
                    // Not ours: another document's page would not stop and the pool was replaced, dropping this
                    // page before it began. It runs on the new pool.
                    task.future = pool.get().submit(task.begun);
                    i--;
                }
            }
        } catch (ExecutionException | InterruptedException e) {
            handed.forEach(task -> task.future.cancel(true));
            awaitStopped(running, workers);
            throw e;
        } finally {
            handed.forEach(task -> leaveQueue(task.out)); // tasks that never began (given up, or refused) wait no more
        }
        return results;
    }

    /**
     * A task handed to the pool: counted as waiting until it begins ({@code out}), the call as the pool runs it
     * (kept, to be submitted again if a replaced pool drops it), and where it runs now.
     */
    private final class Queued<T> {
        final AtomicBoolean out = new AtomicBoolean();
        final Callable<T> begun;
        Future<T> future;

        Queued(Callable<T> task, Phaser running) {
            queued.incrementAndGet();
            this.begun = () -> {
                leaveQueue(out);
                running.register();
                try {
                    return task.call();
                } finally {
                    running.arriveAndDeregister();
                }
            };
        }
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
