package com.ocrchat.ocr;

import com.ocrchat.error.RecognitionFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;

/**
 * Per-page work run in parallel, all or nothing: when one page fails, the others are cancelled (the running
 * ones interrupted) and the caller waits until those already started have stopped before the failure is
 * thrown, so nothing of a failed call (a model request, a page written out) still happens after it returns.
 */
public final class ParallelPages {
    private ParallelPages() {}

    /** The tasks' results in order, or the first failure in order once every started task has stopped. */
    public static <T> List<T> run(ExecutorService pool, List<Callable<T>> tasks)
            throws ExecutionException, InterruptedException {
        Phaser running = new Phaser(1);
        List<Future<T>> pending = new ArrayList<>();
        for (Callable<T> task : tasks) {
            pending.add(pool.submit(() -> {
                running.register();
                try {
                    return task.call();
                } finally {
                    running.arriveAndDeregister();
                }
            }));
        }
        List<T> results = new ArrayList<>();
        try {
            for (Future<T> future : pending) {
                results.add(future.get());
            }
        } catch (ExecutionException | InterruptedException e) {
            pending.forEach(future -> future.cancel(true));
            running.arriveAndAwaitAdvance();
            throw e;
        }
        return results;
    }

    /** Stops a page between steps once its call has been given up (its thread interrupted). */
    public static void stopIfAbandoned() {
        if (Thread.currentThread().isInterrupted()) {
            throw new RecognitionFailure("Stopped: another page of the document failed");
        }
    }
}
