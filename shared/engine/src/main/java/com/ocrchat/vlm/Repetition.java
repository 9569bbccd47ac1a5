package com.ocrchat.vlm;

import java.util.Optional;

/**
 * Finds the repetition loop vision models fall into (the same line, cell or phrase over and over until
 * the output bound): a tail of the text that repeats one unit of up to {@value #MAX_UNIT} characters at
 * least {@value #MIN_COPIES} times and spans at least {@value #MIN_LOOP_CHARS} characters. Repeated lines
 * that a page really has (a form's blank rows) are shorter than that.
 */
final class Repetition {
    static final int MAX_UNIT = 400;
    static final int MIN_COPIES = 5;
    static final int MIN_LOOP_CHARS = 240;

    private Repetition() {}

    /** The text with its trailing loop cut down to one copy of the unit, or empty when it does not loop. */
    static Optional<String> cutLoop(String text) {
        String t = text.stripTrailing();
        int n = t.length();
        for (int unit = 1; unit <= Math.min(MAX_UNIT, n / MIN_COPIES); unit++) {
            // t[i] == t[i + unit] for every i past 'start': the tail from start on has period 'unit'.
            int start = n - 1 - unit;
            while (start >= 0 && t.charAt(start) == t.charAt(start + unit)) {
                start--;
            }
            int periodic = n - 1 - start;
            if (periodic >= Math.max(MIN_LOOP_CHARS, MIN_COPIES * unit)) {
                return Optional.of(t.substring(0, start + 1 + unit).stripTrailing());
            }
        }
        return Optional.empty();
    }
}
