package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The long runs of a page's row, found from every minLength-th pixel only, are those of a pixel-by-pixel scan. */
class RuledTablesTest {
    private static final byte DARK = 10;
    private static final byte LIGHT = (byte) 250;

    @Test
    void aRunExactlyLongEnoughIsFoundWhereverItStartsAndOneShorterNever() {
        int minLength = 7;
        for (int start = 0; start + minLength <= 40; start++) {
            byte[] row = row(40, start, minLength);
            assertEquals(List.of(List.of(start, start + minLength - 1)), runs(row, minLength), "at " + start);
            assertEquals(List.of(), runs(row(40, start, minLength - 1), minLength), "short at " + start);
        }
    }

    @Test
    void runsALightPixelApartAreTwoRunsAndARowOfInkIsOne() {
        byte[] row = new byte[30];
        Arrays.fill(row, DARK);
        row[12] = LIGHT;
        assertEquals(List.of(List.of(0, 11), List.of(13, 29)), runs(row, 10));
        row[12] = DARK;
        assertEquals(List.of(List.of(0, 29)), runs(row, 10));
    }

    @Test
    void randomRowsGiveTheRunsOfAPixelByPixelScan() {
        Random random = new Random(16);
        for (int trial = 0; trial < 20_000; trial++) {
            int length = 1 + random.nextInt(300);
            int minLength = 1 + random.nextInt(60);
            double ink = random.nextDouble();
            byte[] row = new byte[length];
            for (int i = 0; i < length; i++) {
                row[i] = random.nextDouble() < ink ? DARK : LIGHT;
            }
            // The row among dark rows above and below it, as on a page: no run may reach into them.
            int offset = random.nextInt(5) * length;
            byte[] page = new byte[offset + 2 * length];
            Arrays.fill(page, DARK);
            System.arraycopy(row, 0, page, offset, length);
            assertEquals(
                    pairs(everyPixel(row, minLength)),
                    pairs(RuledTables.longRuns(page, offset, length, minLength)),
                    "trial " + trial);
        }
    }

    private static byte[] row(int length, int start, int runLength) {
        byte[] row = new byte[length];
        Arrays.fill(row, LIGHT);
        Arrays.fill(row, start, start + runLength, DARK);
        return row;
    }

    private static List<List<Integer>> runs(byte[] row, int minLength) {
        return pairs(RuledTables.longRuns(row, 0, row.length, minLength));
    }

    private static List<List<Integer>> pairs(List<int[]> runs) {
        return runs.stream().map(run -> List.of(run[0], run[1])).toList();
    }

    private static List<int[]> everyPixel(byte[] row, int minLength) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= row.length; i++) {
            boolean dark = i < row.length && row[i] == DARK;
            if (dark && start < 0) {
                start = i;
            } else if (!dark && start >= 0) {
                if (i - start >= minLength) {
                    runs.add(new int[] {start, i - 1});
                }
                start = -1;
            }
        }
        return runs;
    }
}
