package com.ocrchat.concurrent;

import java.util.function.Supplier;

/** A value computed on first use and kept: what a Lambda container builds lazily and reuses while warm. */
public final class Once<T> implements Supplier<T> {
    private final Supplier<T> make;
    private volatile T value;

    private Once(Supplier<T> make) {
        this.make = make;
    }

    public static <T> Once<T> of(Supplier<T> make) {
        return new Once<>(make);
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                if (value == null) {
                    value = make.get();
                }
                current = value;
            }
        }
        return current;
    }
}
