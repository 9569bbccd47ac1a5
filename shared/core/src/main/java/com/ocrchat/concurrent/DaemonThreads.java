package com.ocrchat.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads named after their pool ("ocr-worker-1", ...) that never keep the JVM alive on their own. */
public final class DaemonThreads {
    private DaemonThreads() {}

    public static ThreadFactory named(String pool) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, pool + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
