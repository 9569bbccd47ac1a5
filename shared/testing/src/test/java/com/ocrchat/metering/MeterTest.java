package com.ocrchat.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ocrchat.auth.Account;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.error.PaymentRequired;
import com.ocrchat.settings.Env;
import com.ocrchat.testing.InMemoryAccounts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The meter's policy on the in-memory ledger, with a clock the test moves. */
class MeterTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-31T23:59:00Z"));
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final Meter meter = new Meter(
            accounts,
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

    @Test
    void anonymousDaysAndFreeMonthsRollOverInUtcAndARefundGivesBackWhatWasTaken() {
        Caller anonymous = Caller.anonymous("192.0.2.201");
        Caller free =
                Caller.of(new Account(UUID.randomUUID().toString(), Plan.FREE, 0, Instant.now(), false), "192.0.2.1");

        meter.reserve(anonymous, 3);
        PaymentRequired spent = assertThrows(PaymentRequired.class, () -> meter.reserve(anonymous, 1));
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), spent.resetsAt());
        assertEquals(3L, spent.details().get("used"));
        assertEquals(1L, spent.details().get("needed"));
        meter.reserve(free, 4);
        assertThrows(PaymentRequired.class, () -> meter.reserve(free, 1));

        now.set(Instant.parse("2026-02-01T00:00:01Z"));
        meter.reserve(anonymous, 3);
        Charge charge = meter.reserve(free, 4);
        assertEquals(4, meter.balance(free).used());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), meter.balance(free).resetsAt());
        meter.refund(charge);
        assertEquals(0, meter.balance(free).used());
    }

    @Test
    void aPaidAccountSpendsItsCreditsAndAChargeSurvivesTheJobRecord() {
        var created = accounts.create(Plan.PAID, 10);
        Caller paid = Caller.of(created.account(), "x");
        Charge charge = meter.reserve(paid, 7);
        assertEquals(new Balance(Plan.PAID, 7, 10, null), meter.balance(paid));
        PaymentRequired refused = assertThrows(PaymentRequired.class, () -> meter.reserve(paid, 4));
        assertNull(refused.resetsAt(), "bought credits do not renew");
        meter.refund(Charge.of(charge.source(), charge.credits()));
        assertEquals(10, meter.balance(paid).remaining());
    }
}
