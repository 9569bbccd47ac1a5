package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadingSlotsTest {
    @Test
    void aHelperTakesASpareCoreOnlyWhileNoPageWaitsAndGivesItBackOnce() throws InterruptedException {
        ReadingSlots slots = new ReadingSlots(2);
        AtomicBoolean pagesWaiting = new AtomicBoolean();
        slots.pagesWaitIn(pagesWaiting::get);
        slots.pageBegins();

        Runnable helper = slots.takeSpare();
        assertNotNull(helper, "one page on two cores: the other is spare");
        assertNull(slots.takeSpare(), "both cores taken");
        helper.run();
        helper.run(); // given back once, however often
        Runnable again = slots.takeSpare();
        assertNotNull(again, "the core came back, once");
        assertNull(slots.takeSpare());
        again.run();

        pagesWaiting.set(true);
        assertNull(slots.takeSpare(), "a page waiting gets the spare core, not a helper");
        assertFalse(slots.helperMayComeFree());
        pagesWaiting.set(false);
        slots.pageBegins(); // a second pass of the same page, on the same thread: its one slot
        Runnable besidePasses = slots.takeSpare();
        assertNotNull(besidePasses, "a page holds one slot through all its passes");
        besidePasses.run();
        slots.pageEnds();

        Thread second = new Thread(slots::pageBegins); // a second page, on another thread (not ended here)
        second.start();
        second.join();
        assertNull(slots.takeSpare());
        assertTrue(slots.helperMayComeFree(), "no core spare now, but one comes free when either page ends");
        slots.pageEnds();
        assertNotNull(slots.takeSpare(), "a page ended: its core can join the other");
    }

    @Test
    void oneCoreHasNoHelpers() {
        ReadingSlots slots = new ReadingSlots(1);
        slots.pageBegins();
        assertNull(slots.takeSpare());
        assertFalse(slots.helperMayComeFree());
    }
}
