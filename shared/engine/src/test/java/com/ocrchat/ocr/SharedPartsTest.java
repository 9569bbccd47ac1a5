package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.ocr.PageRegions.Box;
import com.ocrchat.ocr.PageRegions.Part;
import com.ocrchat.page.Block;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
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

    /**
     * Reads the parts, recording which thread read each, a few milliseconds a part; {@code whileReading} runs as the
     * first part is read.
     */
    private static Function<Part, List<Block>> recording(
            List<Part> parts, Map<Integer, String> by, Runnable whileReading) {
        AtomicBoolean first = new AtomicBoolean(true);
        return part -> {
            if (first.getAndSet(false)) {
                whileReading.run();
            }
            int place = parts.indexOf(part);
            by.put(place, Thread.currentThread().getName());
            sleep(5);
            return named(place);
        };
    }

    private static void awaitQuietly(Future<Void> helper) {
        try {
            helper.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCoreComingFreeWhileAPageIsReadJoinsItAndGivesItsSlotBack() {
        ReadingSlots slots = new ReadingSlots(2);
        CountDownLatch otherBegan = new CountDownLatch(1);
        CountDownLatch endOther = new CountDownLatch(1);
        CountDownLatch otherEnded = new CountDownLatch(1);
        Thread other = new Thread(
                () -> { // another page, on the other core
                    slots.pageBegins();
                    otherBegan.countDown();
                    await(endOther);
                    slots.pageEnds();
                    otherEnded.countDown();
                });
        other.start();
        await(otherBegan);
        List<Part> parts =
                IntStream.range(0, 40).mapToObj(i -> part(1 + i % 5, i)).toList();
        Map<Integer, String> by = new ConcurrentHashMap<>();
        slots.pageBegins(); // this page

        List<Block> blocks = new SharedParts(parts)
                .readSharing(
                        recording(parts, by, () -> {
                            assertNull(slots.takeSpare(), "no core spare when the page began");
                            endOther.countDown(); // the other page ends while this one is read
                            await(otherEnded);
                        }),
                        slots,
                        null,
                        SharedPartsTest::awaitQuietly);

        assertEquals(
                IntStream.range(0, 40).mapToObj(i -> "part " + i).toList(),
                blocks.stream().map(Block::text).toList());
        assertTrue(by.values().stream().anyMatch(name -> name.startsWith("ocr-helper")), "a helper joined: " + by);
        assertNotNull(slots.takeSpare(), "the helper gave its slot back");
        assertNull(slots.takeSpare(), "once");
    }

    @Test
    void withPagesWaitingNoHelperJoinsAndAFailingPartGivesEverySlotBack() {
        ReadingSlots slots = new ReadingSlots(2);
        AtomicBoolean waiting = new AtomicBoolean(true);
        slots.pagesWaitIn(waiting::get);
        slots.pageBegins();
        List<Part> parts =
                IntStream.range(0, 10).mapToObj(i -> part(1 + i % 3, i)).toList();
        Map<Integer, String> by = new ConcurrentHashMap<>();

        new SharedParts(parts).readSharing(recording(parts, by, () -> {}), slots, null, SharedPartsTest::awaitQuietly);
        assertEquals(Set.of(Thread.currentThread().getName()), Set.copyOf(by.values()), "read on this thread alone");

        waiting.set(false);
        Runnable helper = slots.takeSpare();
        assertThrows(
                IllegalStateException.class,
                () -> new SharedParts(parts)
                        .readSharing(
                                part -> {
                                    throw new IllegalStateException("out of time");
                                },
                                slots,
                                helper,
                                SharedPartsTest::awaitQuietly));
        waitForHelperSlot(slots);
    }

    /** The helper's slot comes back when it stops: one takeSpare succeeds then (within a few seconds). */
    private static void waitForHelperSlot(ReadingSlots slots) {
        for (int i = 0; i < 500; i++) {
            Runnable spare = slots.takeSpare();
            if (spare != null) {
                assertNull(slots.takeSpare(), "given back once");
                return;
            }
            sleepALittle();
        }
        throw new AssertionError("the helper's slot never came back");
    }

    private static void sleepALittle() {
        sleep(20);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
