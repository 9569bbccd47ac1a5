package com.ocrchat.bench;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A 500-page job's fan-out on AWS, run on this machine: its chunks on a queue, N workers (threads) taking them
 * as Lambda's event source mapping would, each worker's first chunk paying the OCR image's cold start, each chunk
 * taking its pages times the measured time a page. Time runs 100 times faster than on AWS (the workers sleep),
 * so the run is short and measures the scheduling itself: queue, workers, stragglers.
 */
final class FanOutSimulation {
    private static final int PAGES = 500;
    private static final int CHUNK_PAGES = 5;
    /** The OCR image's cold start as issue 11 measured it (seconds): init 1.8 s, first page's handles 5.4 s in all. */
    private static final double COLD_START = 5.4;

    private static final double SPEED_UP = 100;

    private FanOutSimulation() {}

    static void run(double secondsPerPage) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "Fan-out of a %d-page job in chunks of %d, %.2f s a page (measured above), %.1f s cold start per worker,"
                        + " simulated with N worker threads at %.0fx speed:%n",
                PAGES,
                CHUNK_PAGES,
                secondsPerPage,
                COLD_START,
                SPEED_UP);
        System.out.printf(Locale.ROOT, "  %8s %12s %16s%n", "workers", "wall time s", "lambda seconds");
        for (int workers : new int[] {1, 2, 5, 10, 20, 50, 100}) {
            double[] result = simulate(workers, secondsPerPage);
            System.out.printf(Locale.ROOT, "  %8d %12.1f %16.0f%n", workers, result[0], result[1]);
        }
    }

    /** Wall seconds and billed seconds (on AWS's clock) for {@code workers} workers. */
    private static double[] simulate(int workers, double secondsPerPage) throws Exception {
        LinkedBlockingQueue<Integer> chunks = new LinkedBlockingQueue<>();
        for (int chunk = 0; chunk < PAGES / CHUNK_PAGES; chunk++) {
            chunks.add(chunk);
        }
        AtomicInteger billedMillis = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                boolean cold = true;
                for (Integer chunk = chunks.poll(); chunk != null; chunk = chunks.poll()) {
                    double seconds = CHUNK_PAGES * secondsPerPage + (cold ? COLD_START : 0);
                    cold = false;
                    billedMillis.addAndGet((int) Math.round(seconds * 1000));
                    sleep(seconds / SPEED_UP);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double wall = (System.nanoTime() - start) / 1e9 * SPEED_UP;
        return new double[] {wall, billedMillis.get() / 1000.0};
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep(Math.round(seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
