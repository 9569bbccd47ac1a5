package com.ocrchat.metering;

import com.ocrchat.auth.Plan;
import java.time.Instant;

/**
 * Where a caller stands: {@code used} of {@code cap} credits. For anonymous and free callers the cap is
 * the allowance of the current UTC day or month, which renews at {@code resetsAt}; for paid accounts
 * the cap is the credits bought and {@code used} the credits spent ({@code resetsAt} null).
 */
public record Balance(Plan plan, long used, long cap, Instant resetsAt) {

    public long remaining() {
        return Math.max(0, cap - used);
    }
}
