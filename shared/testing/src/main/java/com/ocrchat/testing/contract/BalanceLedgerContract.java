package com.ocrchat.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Plan;
import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.metering.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every balance ledger promises: no interleaving overspends, refunds give back exactly what was
 * taken. A subclass gives the ledger and the account store whose paid accounts it holds credits for.
 */
public abstract class BalanceLedgerContract {

    protected abstract BalanceLedger ledger();

    protected abstract AccountStore accounts();

    @Test
    void concurrentSpendsNeverTakeMoreThanTheCreditsBought() throws Exception {
        String account = accounts().create(Plan.PAID, 37).account().id();
        assertEquals(37, spentConcurrently(() -> ledger().spend(account, 1), 100));
        assertEquals(new BalanceLedger.Credits(37, 0), ledger().credits(account));
        ledger().giveBack(account, 5);
        assertEquals(new BalanceLedger.Credits(37, 5), ledger().credits(account));
        assertFalse(ledger().spend(account, 6), "a spend that does not fit takes nothing");
        assertEquals(5, ledger().credits(account).remaining());
    }

    @Test
    void concurrentCountsNeverPassTheCapAndAWindowStandsAlone() throws Exception {
        Window today = Window.day(
                Window.Kind.ANONYMOUS_PAGES, "192.0.2." + UUID.randomUUID().hashCode(), Instant.now());
        assertEquals(10, spentConcurrently(() -> ledger().count(today, 1, 10), 40));
        assertEquals(10, ledger().counted(today));
        assertFalse(ledger().count(today, 1, 10));
        ledger().uncount(today, 4);
        assertEquals(6, ledger().counted(today));
        assertTrue(ledger().count(today, 4, 10));
        assertFalse(ledger().count(today, 11, 10), "more than the cap never fits");
        Window tomorrow =
                Window.day(today.kind(), today.subject(), today.endsAt().plusSeconds(1));
        assertEquals(0, ledger().counted(tomorrow), "a new day is a new window");
    }

    private static int spentConcurrently(Callable<Boolean> spend, int attempts) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                results.add(callers.submit(spend));
            }
            int accepted = 0;
            for (Future<Boolean> result : results) {
                accepted += result.get() ? 1 : 0;
            }
            return accepted;
        } finally {
            callers.shutdown();
        }
    }
}
