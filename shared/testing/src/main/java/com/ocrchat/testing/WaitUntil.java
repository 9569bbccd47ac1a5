package com.ocrchat.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The one way tests wait for something asynchronous: poll until it holds or the time is up. */
public final class WaitUntil {
    private WaitUntil() {}

    /** The first value that satisfies {@code done}, or the last one read when {@code limit} has passed. */
    public static <T> T value(Supplier<T> read, Predicate<T> done, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        T value = read.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = read.get();
        }
        return value;
    }

    public static boolean holds(Supplier<Boolean> condition, Duration limit) {
        return value(condition, Boolean::booleanValue, limit);
    }
}
