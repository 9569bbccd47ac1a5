package com.ocrchat.http;

import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.metering.Balance;
import com.ocrchat.metering.Meter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** X-RateLimit-* headers for the renewing allowances of anonymous and free callers; none for paid accounts' credits. */
public final class RateLimitHeaders {
    private RateLimitHeaders() {}

    /** The caller's headers (paid accounts have none, so their balance is not even read). */
    public static Map<String, String> of(Caller caller, Meter meter) {
        if (caller.plan() == Plan.PAID) {
            return Map.of();
        }
        Balance balance = meter.balance(caller);
        return of(balance.cap(), balance.used(), balance.resetsAt());
    }

    static Map<String, String> of(long cap, long used, Instant resetsAt) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ratelimit-limit", Long.toString(cap));
        headers.put("x-ratelimit-remaining", Long.toString(Math.max(0, cap - used)));
        headers.put("x-ratelimit-reset", Long.toString(resetsAt.getEpochSecond()));
        return headers;
    }
}
