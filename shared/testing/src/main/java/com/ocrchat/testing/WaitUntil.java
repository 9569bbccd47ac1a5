package com.ocrchat.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** The one way tests wait for something asynchronous: read until it holds or the time is up. */
public final class WaitUntil {
    private WaitUntil() {}

    /** A read that may fail (an HTTP call, a parse): a failure fails the test. */
    @FunctionalInterface
    public interface Read<T> {
        T get() throws Exception;
    }

    /** The first value that satisfies {@code done}, or the last one read when {@code limit} has passed. */
    public static <T> T value(Read<T> read, Predicate<T> done, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        T value = get(read);
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = get(read);
        }
        return value;
    }

    private static <T> T get(Read<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("reading failed while waiting", e);
        }
    }
}
