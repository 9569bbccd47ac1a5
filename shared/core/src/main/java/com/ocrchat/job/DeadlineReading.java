package com.ocrchat.job;

import com.ocrchat.concurrent.DaemonThreads;
import com.ocrchat.error.RecognitionFailure;
import com.ocrchat.page.Page;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages read on a thread of their own, so that the caller can stop waiting at a deadline (the inline answer's, a
 * worker's run): past it the reading is interrupted (its pages stop between steps) and nothing is returned; the pages
 * it finished are the open document's {@link DocumentReader.OpenDocument#finishedPages}. A fault in the reading is
 * thrown to the caller.
 */
final class DeadlineReading {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineReading.class);

    private final ExecutorService readers;
    private final Duration stopGrace;

    /**
     * {@code stopGrace}: how long a reading past its deadline is given to stop (a model call or a Tesseract page in
     * flight may take a moment) before the caller goes on without it.
     */
    DeadlineReading(String threadName, Duration stopGrace) {
        this.readers = Executors.newCachedThreadPool(DaemonThreads.named(threadName));
        this.stopGrace = stopGrace;
    }

    /** The pages {@code reading} returns, or empty when it is not done by {@code deadline} (a {@link System#nanoTime}). */
    Optional<List<Page>> read(Callable<List<Page>> reading, long deadline, String uuid) {
        CountDownLatch stopped = new CountDownLatch(1);
        Future<List<Page>> pages = readers.submit(() -> {
            try {
                return reading.call();
            } finally {
                stopped.countDown();
            }
        });
        try {
            try {
                return Optional.of(pages.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                if (!pages.cancel(true)) {
                    return Optional.of(pages.get()); // finished just now
                }
                if (!stopped.await(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn(
                            "Job {}: the reading had not stopped {} s after its deadline", uuid, stopGrace.toSeconds());
                }
                return Optional.empty();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error; // out of memory, say: not to be retried as a reading that failed
            }
            throw new RecognitionFailure("Recognition failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            pages.cancel(true);
            Thread.currentThread().interrupt();
            throw new RecognitionFailure("Interrupted while recognizing", e);
        }
    }
}
