package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.error.LimitExceeded;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** All of a page's readings (first, enlarged, turned, other languages) share one budget, each its own pass budget too. */
class HandleReadingsTest {
    private static final Duration PASS = Duration.ofMillis(200);
    private final HandleReadings readings = new HandleReadings(new TesseractHandles(null), PASS);

    @Test
    void aReadingBegunLateInAPageEndsWithThePageNotAPassBudgetLater() {
        long left = readings.withinPageBudget(() -> {
            sleep(Duration.ofMillis(300)); // a first reading that took 300 of the page's 400 ms
            return readings.begin("eng", 0).deadline() - System.nanoTime();
        });
        assertTrue(left <= Duration.ofMillis(100).toNanos(), "left " + left + " ns");
    }

    @Test
    void noReadingIsBegunForAPageOutOfTimeAndTheAnswerSaysWhichPage() {
        LimitExceeded refused = assertThrows(
                LimitExceeded.class,
                () -> readings.withinPageBudget(() -> {
                    sleep(PASS.multipliedBy(HandleReadings.PASSES_PER_PAGE).plusMillis(50));
                    return readings.begin("eng", 2);
                }));
        assertEquals("Page 3 took longer to read than this server allows for a page", refused.getMessage());
    }

    @Test
    void aReadingOutsideAPageOrBegunEarlyHasItsWholePassBudget() {
        long outside = readings.begin("eng", 0).deadline() - System.nanoTime();
        long early = readings.withinPageBudget(() -> readings.begin("eng", 0).deadline() - System.nanoTime());
        assertTrue(outside > Duration.ofMillis(150).toNanos() && outside <= PASS.toNanos(), "outside " + outside);
        assertTrue(early > Duration.ofMillis(150).toNanos() && early <= PASS.toNanos(), "early " + early);
    }

    @Test
    void aPageReadWithinAnotherKeepsTheOuterPagesBudget() {
        long left = readings.withinPageBudget(() -> {
            sleep(Duration.ofMillis(300));
            return readings.withinPageBudget(() -> readings.begin("eng", 0).deadline() - System.nanoTime());
        });
        assertTrue(left <= Duration.ofMillis(100).toNanos(), "left " + left + " ns");
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
