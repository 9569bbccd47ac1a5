package com.ocrchat.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ocrchat.auth.Account;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.error.PaymentRequired;
import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.metering.Charge;
import com.ocrchat.metering.Meter;
import com.ocrchat.metering.Plans;
import com.ocrchat.settings.Env;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The meter's UTC windows over a ledger, with a clock the test moves: a subclass gives the ledger. */
public abstract class MeterContract {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-31T23:59:00Z"));

    protected abstract BalanceLedger ledger();

    /** A meter over the ledger with 3 anonymous pages a day and 4 free pages a month, on the test's clock. */
    protected Meter meter() {
        return new Meter(
                ledger(),
                Plans.from(Env.of(Map.of("OCRCHAT_ANONYMOUS_DAILY_PAGES", "3", "OCRCHAT_FREE_MONTHLY_PAGES", "4"))),
                new Clock() {
                    @Override
                    public ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(ZoneId zone) {
                        return this;
                    }

                    @Override
                    public Instant instant() {
                        return now.get();
                    }
                });
    }

    @Test
    void anonymousDaysAndFreeMonthsRollOverInUtcAndARefundGivesBackWhatWasTaken() {
        Meter meter = meter();
        Caller anonymous =
                Caller.anonymous("192.0.2." + Math.abs(UUID.randomUUID().hashCode() % 250));
        Caller free =
                Caller.of(new Account(UUID.randomUUID().toString(), Plan.FREE, 0, Instant.now(), false), "192.0.2.1");

        meter.reserve(anonymous, 3);
        PaymentRequired spent = assertThrows(PaymentRequired.class, () -> meter.reserve(anonymous, 1));
        assertEquals(
                Instant.parse("2026-02-01T00:00:00Z").toString(),
                spent.details().get("resets_at"));
        assertEquals(3L, spent.details().get("used"));
        assertEquals(1L, spent.details().get("needed"));
        meter.reserve(free, 4);
        assertThrows(PaymentRequired.class, () -> meter.reserve(free, 1));

        now.set(Instant.parse("2026-02-01T00:00:01Z"));
        meter.reserve(anonymous, 3);
        Charge charge = meter.reserve(free, 4);
        assertEquals(4, meter.balance(free).used());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), meter.balance(free).resetsAt());
        ledger().refund(charge); // as a failed job's write gives it back
        assertEquals(0, meter.balance(free).used());
    }
}
