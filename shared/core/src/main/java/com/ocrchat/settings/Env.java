package com.ocrchat.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where settings come from, read and validated one variable at a time: a JVM system property of the
 * name (how the local server configures the handlers it hosts in one JVM), else the environment (how
 * SAM configures a Lambda function), else the default. A value that is not what the variable takes is
 * a start-up error naming the variable; nothing is silently clamped. The README lists every variable.
 */
public final class Env {
    private final Function<String, String> source;

    private Env(Function<String, String> source) {
        this.source = source;
    }

    /** System properties over environment variables. */
    public static Env fromEnvironment() {
        return new Env(name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name);
        });
    }

    /** Exactly these values (tests), then defaults. */
    public static Env of(Map<String, String> values) {
        return new Env(values::get);
    }

    public String text(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(source.apply(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** One of {@code allowed} (compared without case), or the fallback when unset. */
    public String choice(String name, String fallback, Set<String> allowed) {
        String value = text(name, fallback).toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(value)) {
            throw invalid(name, value, "one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return value;
    }

    /** {@code true} or {@code false} (without case), or the fallback when unset. */
    public boolean flag(String name, boolean fallback) {
        return choice(name, Boolean.toString(fallback), Set.of("true", "false")).equals("true");
    }

    /** A whole number of at least {@code min}. */
    public int integer(String name, int fallback, int min) {
        return (int) number(name, fallback, min, Integer.MAX_VALUE);
    }

    /** A whole number from {@code min} to {@code max}. */
    public long number(String name, long fallback, long min, long max) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw invalid(name, value.get(), "a whole number");
        }
        if (parsed < min || parsed > max) {
            throw invalid(
                    name,
                    value.get(),
                    max == Integer.MAX_VALUE || max == Long.MAX_VALUE
                            ? "at least " + min
                            : "from " + min + " to " + max);
        }
        return parsed;
    }

    public Duration seconds(String name, long fallback, long min, long max) {
        return Duration.ofSeconds(number(name, fallback, min, max));
    }

    public Optional<Path> path(String name) {
        return optional(name).map(Path::of);
    }

    private static IllegalStateException invalid(String name, String value, String expected) {
        return new IllegalStateException("Setting " + name + " must be " + expected + ", not '" + value + "'");
    }
}
