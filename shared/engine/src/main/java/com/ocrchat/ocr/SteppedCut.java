package com.ocrchat.ocr;

import java.util.Arrays;

/**
 * Where {@link PageCut} cuts a page across: in each strip of {@code stripWidth} columns, the first row of the bottom
 * half (all the same when the cut is straight), with the paper level that fills each half beyond it.
 */
record SteppedCut(int stripWidth, int[] rows, byte paper) {
    /** The top half's height: down to the cut's lowest step. */
    int topHeight() {
        return Arrays.stream(rows).max().orElseThrow();
    }

    /** The row the bottom half begins at: the cut's highest step. */
    int bottomTop() {
        return Arrays.stream(rows).min().orElseThrow();
    }

    HandleReadings.Image top(HandleReadings.Image page) {
        int width = page.width();
        int height = topHeight();
        byte[] grey = Arrays.copyOfRange(page.grey(), 0, height * width);
        for (int strip = 0; strip < rows.length; strip++) {
            fill(grey, width, strip, rows[strip], height);
        }
        return new HandleReadings.Image(grey, 0, 0, width, height, page.segmentation());
    }

    HandleReadings.Image bottom(HandleReadings.Image page) {
        int width = page.width();
        int from = bottomTop();
        byte[] grey = Arrays.copyOfRange(page.grey(), from * width, page.grey().length);
        for (int strip = 0; strip < rows.length; strip++) {
            fill(grey, width, strip, 0, rows[strip] - from);
        }
        return new HandleReadings.Image(grey, 0, from, width, page.height() - from, page.segmentation());
    }

    /** Paper over a strip's rows {@code from} (inclusive) to {@code to} (exclusive) of a half. */
    private void fill(byte[] grey, int width, int strip, int from, int to) {
        int left = strip * stripWidth;
        int right = Math.min(width, left + stripWidth);
        for (int y = from; y < to; y++) {
            Arrays.fill(grey, y * width + left, y * width + right, paper);
        }
    }
}
