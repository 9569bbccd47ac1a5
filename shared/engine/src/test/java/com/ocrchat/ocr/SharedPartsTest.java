package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ocrchat.ocr.PageRegions.Box;
import com.ocrchat.ocr.PageRegions.Part;
import com.ocrchat.page.Block;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SharedPartsTest {
    /** A part of {@code lines} lines 1000 px wide and 40 high, told from others by where it starts ({@code left}). */
    private static Part part(int lines, int left) {
        List<Box> boxes = IntStream.range(0, lines)
                .mapToObj(i -> new Box(left, 60 * i, left + 1000, 60 * i + 40))
                .toList();
        return new Part(new Box(left, 0, left + 1000, 60 * lines), boxes, false);
    }

    private static List<Block> named(int place) {
        return List.of(new Block("part " + place, new int[] {0, 0, 1, 1}, 1.0, List.of()));
    }

    @Test
    void theLargestPartLeftIsReadFirstAndTheBlocksComeBackInReadingOrder() {
        List<Part> parts = List.of(part(2, 0), part(9, 1), part(1, 2), part(5, 3));
        SharedParts shared = new SharedParts(parts);
        List<Integer> claimed = new ArrayList<>();

        shared.readWhileAny(part -> {
            claimed.add(parts.indexOf(part));
            return named(parts.indexOf(part));
        });

        assertEquals(List.of(1, 3, 0, 2), claimed, "by work, largest first");
        assertEquals(
                List.of("part 0", "part 1", "part 2", "part 3"),
                shared.inOrder().stream().map(Block::text).toList());
    }

    @Test
    void twoThreadsReadEveryPartOnceBetweenThem() throws Exception {
        List<Part> parts =
                IntStream.range(0, 200).mapToObj(i -> part(1 + i % 7, i)).toList();
        SharedParts shared = new SharedParts(parts);
        List<Integer> read = Collections.synchronizedList(new ArrayList<>());
        Set<String> readers = ConcurrentHashMap.newKeySet();
        CountDownLatch bothReading = new CountDownLatch(2);
        Runnable reader = () -> shared.readWhileAny(part -> {
            if (readers.add(Thread.currentThread().getName())) {
                bothReading.countDown();
                await(bothReading); // neither reads on until the other has claimed a part too
            }
            int place = parts.indexOf(part);
            read.add(place);
            return named(place);
        });

        CompletableFuture<Void> helper = CompletableFuture.runAsync(reader);
        reader.run();
        helper.get(10, TimeUnit.SECONDS);

        assertEquals(2, readers.size(), "both threads read");
        assertEquals(200, read.size());
        assertEquals(200, read.stream().distinct().count(), "no part read twice");
        assertEquals(
                IntStream.range(0, 200).mapToObj(i -> "part " + i).toList(),
                shared.inOrder().stream().map(Block::text).toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other thread never claimed a part");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPartThatFailsOnOneThreadStopsTheOtherClaimingMore() {
        List<Part> parts = IntStream.range(0, 10).mapToObj(i -> part(10 - i, i)).toList();
        SharedParts shared = new SharedParts(parts);

        assertThrows(
                IllegalStateException.class,
                () -> shared.readWhileAny(part -> {
                    throw new IllegalStateException("out of time");
                }));
        List<Integer> readAfter = new ArrayList<>();
        shared.readWhileAny(part -> {
            readAfter.add(parts.indexOf(part));
            return named(parts.indexOf(part));
        });

        assertEquals(List.of(), readAfter, "the page fails: its other parts are not read for nothing");
    }
}
