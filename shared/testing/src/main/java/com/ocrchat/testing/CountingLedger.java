package com.ocrchat.testing;

import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.metering.Window;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ledger that passes everything to another and counts the refunds (credits given back, counts taken back); it can be
 * told to refuse refunds, as a ledger that cannot be reached does.
 */
public final class CountingLedger implements BalanceLedger {
    private final BalanceLedger ledger;
    private final AtomicInteger refunds = new AtomicInteger();
    private volatile boolean refusing;

    public CountingLedger(BalanceLedger ledger) {
        this.ledger = ledger;
    }

    public int refunds() {
        return refunds.get();
    }

    /** While {@code refuse}, every refund throws and gives nothing back. */
    public void refuseRefunds(boolean refuse) {
        refusing = refuse;
    }

    private void refund() {
        if (refusing) {
            throw new IllegalStateException("The ledger answered 503");
        }
        refunds.incrementAndGet();
    }

    @Override
    public boolean spend(String accountId, long n) {
        return ledger.spend(accountId, n);
    }

    @Override
    public void giveBack(String accountId, long n) {
        refund();
        ledger.giveBack(accountId, n);
    }

    @Override
    public Credits credits(String accountId) {
        return ledger.credits(accountId);
    }

    @Override
    public boolean count(Window window, long n, long cap) {
        return ledger.count(window, n, cap);
    }

    @Override
    public void uncount(Window window, long n) {
        refund();
        ledger.uncount(window, n);
    }

    @Override
    public long counted(Window window) {
        return ledger.counted(window);
    }
}
