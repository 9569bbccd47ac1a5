package com.ocrchat.metering;

import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.error.PaymentRequired;
import java.time.Clock;

/**
 * Per-caller metering: paid accounts spend bought credits; anonymous callers count pages per source
 * IP and UTC day, free accounts per UTC month, against their plan's allowance. {@link #reserve} is
 * atomic: concurrent reservations never overspend, and one that does not fit is refused as a whole.
 */
public final class Meter {
    private final BalanceLedger ledger;
    private final Plans plans;
    private final Clock clock;

    public Meter(BalanceLedger ledger, Plans plans, Clock clock) {
        this.ledger = ledger;
        this.plans = plans;
        this.clock = clock;
    }

    /** Reserves {@code credits} for the caller, or throws PaymentRequired with used, cap and needed. */
    public Charge reserve(Caller caller, long credits) {
        if (caller.plan() == Plan.PAID) {
            if (!ledger.spend(caller.accountId(), credits)) {
                throw outOfBalance(balance(caller), credits);
            }
            return Charge.ofCredits(caller.accountId(), credits);
        }
        Window window = window(caller);
        if (!ledger.count(window, credits, plans.allowance(caller.plan()))) {
            throw outOfBalance(balance(caller), credits);
        }
        return Charge.ofWindow(window, credits);
    }

    public Balance balance(Caller caller) {
        if (caller.plan() == Plan.PAID) {
            BalanceLedger.Credits credits = ledger.credits(caller.accountId());
            return new Balance(Plan.PAID, credits.bought() - credits.remaining(), credits.bought(), null);
        }
        Window window = window(caller);
        return new Balance(caller.plan(), ledger.counted(window), plans.allowance(caller.plan()), window.endsAt());
    }

    /** The current UTC day (anonymous, per IP) or month (free account). */
    private Window window(Caller caller) {
        return caller.plan() == Plan.ANONYMOUS
                ? Window.day(Window.Kind.ANONYMOUS_PAGES, caller.sourceIp(), clock.instant())
                : Window.month(Window.Kind.ACCOUNT_PAGES, caller.accountId(), clock.instant());
    }

    private static PaymentRequired outOfBalance(Balance balance, long needed) {
        String message = switch (balance.plan()) {
            case ANONYMOUS -> "Out of pages: the anonymous daily allowance is used up. Create a free account for more";
            case FREE -> "Out of pages: the free monthly allowance is used up. A paid plan lifts it";
            case PAID -> "Out of credits: add credits to this account";
        };
        return new PaymentRequired(
                message, balance.plan().id(), balance.used(), balance.cap(), needed, balance.resetsAt());
    }
}
