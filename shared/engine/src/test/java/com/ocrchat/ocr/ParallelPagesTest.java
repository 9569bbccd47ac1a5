package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ParallelPagesTest {
    /** A decoder deep in one call: interrupts go unheard for two seconds. */
    private static Callable<String> deaf(CountDownLatch running) {
        return () -> {
            running.countDown();
            long until = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return "late";
        };
    }

    @Test
    void aDocumentQueuedWhenAPoolIsReplacedIsReadOnTheNewPool() throws Exception {
        ParallelPages pages = new ParallelPages("test", 2, Duration.ofMillis(500));
        CountDownLatch hostileRunning = new CountDownLatch(1);
        CountDownLatch slowRunning = new CountDownLatch(1);
        // A document whose corrupt page fails while its other page will not stop: after the grace, the pool is
        // replaced.
        Thread hostile = new Thread(() -> assertThrows(
                ExecutionException.class,
                () -> pages.run(List.of(
                        () -> {
                            hostileRunning.await();
                            throw new IllegalStateException("a corrupt page");
                        },
                        deaf(hostileRunning)))));
        hostile.start();
        hostileRunning.await();
        // A slow document takes the thread the corrupt page leaves, so the next one has to queue.
        Thread slow = new Thread(() -> {
            try {
                pages.run(List.of(deaf(slowRunning)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        slow.start();
        slowRunning.await();

        List<String> read = assertTimeoutPreemptively(
                Duration.ofSeconds(5), () -> pages.run(List.<Callable<String>>of(() -> "the queued page")));

        assertEquals(List.of("the queued page"), read);
        hostile.join();
        slow.join();
        assertFalse(pages.tasksWaiting());
    }
}
