package com.ocrchat.metering;

import com.ocrchat.auth.Plan;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a caller stands: {@code used} of {@code cap} credits. For anonymous and free callers the cap is
 * the allowance of the current UTC day or month, which renews at {@code resetsAt}; for paid accounts
 * the cap is the credits bought and {@code used} the credits spent ({@code resetsAt} null).
 */
public record Balance(Plan plan, long used, long cap, Instant resetsAt) {

    public long remaining() {
        return Math.max(0, cap - used);
    }

    /** X-RateLimit-* headers for the page allowances of anonymous and free callers; none for credits. */
    public Map<String, String> rateLimitHeaders() {
        if (plan == Plan.PAID) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ratelimit-limit", Long.toString(cap));
        headers.put("x-ratelimit-remaining", Long.toString(remaining()));
        headers.put("x-ratelimit-reset", Long.toString(resetsAt.getEpochSecond()));
        return headers;
    }
}
