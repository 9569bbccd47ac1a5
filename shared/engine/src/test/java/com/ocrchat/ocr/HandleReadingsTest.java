package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.error.LimitExceeded;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * All of a page's readings (first, enlarged, turned, other languages) share one budget, each its own pass budget too;
 * a further reading out of time gives way to the one in hand. The sleeps leave half a second either way for a busy
 * machine.
 */
class HandleReadingsTest {
    private static final Duration PASS = Duration.ofSeconds(1);
    private final HandleReadings readings = new HandleReadings(new TesseractHandles(null), PASS);

    @Test
    void aReadingBegunLateInAPageEndsWithThePageNotAPassBudgetLater() {
        long left = readings.withinPageBudget(() -> {
            sleep(Duration.ofMillis(1500)); // a first reading that took 1.5 s of the page's 2 s
            return readings.begin("eng", 0).deadline() - System.nanoTime();
        });
        assertTrue(left <= Duration.ofMillis(500).toNanos(), "left " + left + " ns");
    }

    @Test
    void noReadingIsBegunWithLessThanATenthOfAPassLeftAndTheAnswerSaysWhichPage() {
        LimitExceeded refused = assertThrows(
                LimitExceeded.class,
                () -> readings.withinPageBudget(() -> {
                    sleep(PASS.multipliedBy(HandleReadings.PASSES_PER_PAGE).minusMillis(50));
                    return readings.begin("eng", 2);
                }));
        assertEquals("Page 3 took longer to read than this server allows for a page", refused.getMessage());
    }

    @Test
    void aReadingOutsideAPageOrBegunEarlyHasItsWholePassBudget() {
        long outside = readings.begin("eng", 0).deadline() - System.nanoTime();
        long early = readings.withinPageBudget(() -> readings.begin("eng", 0).deadline() - System.nanoTime());
        assertTrue(outside > Duration.ofMillis(500).toNanos() && outside <= PASS.toNanos(), "outside " + outside);
        assertTrue(early > Duration.ofMillis(500).toNanos() && early <= PASS.toNanos(), "early " + early);
    }

    @Test
    void aPageReadWithinAnotherKeepsTheOuterPagesBudget() {
        long left = readings.withinPageBudget(() -> {
            sleep(Duration.ofMillis(1500));
            return readings.withinPageBudget(() -> readings.begin("eng", 0).deadline() - System.nanoTime());
        });
        assertTrue(left <= Duration.ofMillis(500).toNanos(), "left " + left + " ns");
    }

    @Test
    void aFurtherReadingOutOfTimeGivesWayToTheOneInHandAndWithoutOneThePageFails() {
        LimitExceeded outOfTime = readings.tooLong(1);

        assertEquals(
                "the first reading",
                TesseractEngine.unlessOutOfTime(
                        () -> {
                            throw outOfTime;
                        },
                        "the first reading"));
        assertSame(
                outOfTime,
                assertThrows(
                        LimitExceeded.class,
                        () -> TesseractEngine.unlessOutOfTime(
                                () -> {
                                    throw outOfTime;
                                },
                                null)));
        assertEquals("the better reading", TesseractEngine.unlessOutOfTime(() -> "the better reading", "the first"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
