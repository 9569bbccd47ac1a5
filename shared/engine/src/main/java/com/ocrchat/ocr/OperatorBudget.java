package com.ocrchat.ocr;

import java.io.IOException;
import org.apache.pdfbox.contentstream.operator.Operator;

/**
 * One PDF page's budget for walking its content, for drawing it or for reading its text layer: the operators
 * processed (forms drawing forms count each time they are drawn), the time spent, and the pixels an image is
 * decoded to; and a stop once the thread is interrupted (the page was given up). Checked between operators,
 * where PDFBox would carry on regardless; once over, it stays over, since PDFBox logs and swallows what a form's
 * "Do" throws and carries on with the next operator.
 */
final class OperatorBudget {
    /** Thrown from inside PDFBox; {@link #exceeded} says why, whatever PDFBox did with the exception. */
    static final class Exceeded extends IOException {
        Exceeded(String message) {
            super(message);
        }
    }

    /**
     * What drawing an XObject ("Do") counts for: a form is clipped to its box and drawn as a group, an image
     * decoded. Measured on the hostile corpus: 2 million operators of nested forms took over 60 s, 3 million
     * flat path operators 0.8 s; at this weight the form fan-out stops in 1.5 s.
     */
    private static final int DRAW_OBJECT_WEIGHT = 1000;

    private final long maxOperators;
    private final long maxMillis;
    private final long started = System.currentTimeMillis();
    private long operators;
    private long checks;
    private volatile String exceeded;

    OperatorBudget(long maxOperators, long maxMillis) {
        this.maxOperators = maxOperators;
        this.maxMillis = maxMillis;
    }

    /** Why the page was stopped, or null while it is within its budget. */
    String exceeded() {
        return exceeded;
    }

    /** Counts one operator about to be processed; throws once the page is over its budget. */
    void check(Operator operator) throws Exceeded {
        if (exceeded != null) {
            throw new Exceeded(exceeded);
        }
        boolean drawsObject = "Do".equals(operator.getName()) || "BI".equals(operator.getName());
        operators += drawsObject ? DRAW_OBJECT_WEIGHT : 1;
        if (operators > maxOperators) {
            throw stop("it draws more than " + maxOperators + " operators");
        }
        // An object can take seconds to draw, so the clock is read before each one, not only every 256 operators.
        if (++checks % 256 == 0 || drawsObject) {
            if (System.currentTimeMillis() - started > maxMillis) {
                throw stop("reading it took more than " + maxMillis / 1000 + " s");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw stop("it was given up");
            }
        }
    }

    /** Counts an image about to be decoded to this many pixels; throws when that is more than it may be. */
    void checkImage(long decodedPixels, long mostPixels) throws Exceeded {
        if (decodedPixels > mostPixels) {
            throw stop("an image in it would be decoded to " + megapixels(decodedPixels) + " megapixels, more than "
                    + megapixels(mostPixels));
        }
    }

    private static String megapixels(long pixels) {
        return String.valueOf((pixels + 999_999) / 1_000_000);
    }

    /** Stops the page for this reason, found before its content is walked. */
    Exceeded stop(String why) {
        exceeded = why;
        return new Exceeded(why);
    }
}
