package com.ocrchat.metering;

import com.ocrchat.auth.Caller;

/**
 * Per-caller metering. {@link #reserve} is atomic: concurrent reservations never take a balance
 * below zero, and a reservation that does not fit is refused as a whole.
 */
public interface Meter {

    /** Reserves {@code credits} for the caller, or throws a 402 ApiException with used, cap and needed. */
    Charge reserve(Caller caller, long credits);

    /** Gives a reservation back (the job failed). */
    void refund(Charge charge);

    Balance balance(Caller caller);

    /** X-RateLimit-* headers for anonymous and free callers (paid accounts have none: no read needed). */
    default java.util.Map<String, String> rateLimitHeaders(Caller caller) {
        return caller.plan() == com.ocrchat.auth.Plan.PAID ? java.util.Map.of() : balance(caller).rateLimitHeaders();
    }
}
