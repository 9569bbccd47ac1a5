package com.ocrchat.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.error.PaymentRequired;
import com.ocrchat.testing.InMemoryAccounts;
import com.ocrchat.testing.contract.MeterContract;
import org.junit.jupiter.api.Test;

/** The meter's policy on the in-memory ledger (infrastructure's MeterWindowsTest runs the same contract on DynamoDB Local). */
class MeterTest extends MeterContract {
    private final InMemoryAccounts accounts = new InMemoryAccounts();

    @Override
    protected BalanceLedger ledger() {
        return accounts;
    }

    @Test
    void aPaidAccountSpendsItsCreditsAndAChargeSurvivesTheJobRecord() {
        Meter meter = meter();
        var created = accounts.create(Plan.PAID, 10);
        Caller paid = Caller.of(created.account(), "x");
        Charge charge = meter.reserve(paid, 7);
        assertEquals(new Balance(Plan.PAID, 7, 10, null), meter.balance(paid));
        PaymentRequired refused = assertThrows(PaymentRequired.class, () -> meter.reserve(paid, 4));
        assertNull(refused.resetsAt(), "bought credits do not renew");
        accounts.refund(Charge.of(charge.source(), charge.credits()));
        assertEquals(10, meter.balance(paid).remaining());
    }
}
