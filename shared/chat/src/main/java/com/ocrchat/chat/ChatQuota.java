package com.ocrchat.chat;

import com.ocrchat.auth.Caller;
import com.ocrchat.error.TooManyRequests;
import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.metering.Window;
import java.time.Clock;
import java.util.Map;

/** Chat messages per account per UTC day, counted atomically in the balance ledger; past the limit, TooManyRequests. */
final class ChatQuota {
    private final BalanceLedger ledger;
    private final int perDay;
    private final Clock clock;

    ChatQuota(BalanceLedger ledger, int perDay, Clock clock) {
        this.ledger = ledger;
        this.perDay = perDay;
        this.clock = clock;
    }

    void take(Caller caller) {
        Window today = Window.day(Window.Kind.CHAT_MESSAGES, caller.accountId(), clock.instant());
        if (!ledger.count(today, 1, perDay)) {
            throw new TooManyRequests(
                    "Too many chat messages today: " + perDay + " per account per day",
                    Map.of("limit", perDay, "resets_at", today.endsAt().toString()));
        }
    }
}
