package com.ocrchat.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caller's balance does not cover the work: {@code used} of {@code cap} credits, {@code needed}
 * for this request; {@code resetsAt} when an allowance renews (null for bought credits).
 */
public final class PaymentRequired extends OcrChatException {
    private final long used;
    private final long cap;
    private final Instant resetsAt;

    public PaymentRequired(String message, String plan, long used, long cap, long needed, Instant resetsAt) {
        super(message, details(plan, used, cap, needed, resetsAt), null);
        this.used = used;
        this.cap = cap;
        this.resetsAt = resetsAt;
    }

    public long used() {
        return used;
    }

    public long cap() {
        return cap;
    }

    /** Null for a paid account's credits, which do not renew. */
    public Instant resetsAt() {
        return resetsAt;
    }

    private static Map<String, Object> details(String plan, long used, long cap, long needed, Instant resetsAt) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("used", used);
        details.put("cap", cap);
        details.put("needed", needed);
        details.put("plan", plan);
        if (resetsAt != null) {
            details.put("resets_at", resetsAt.toString());
        }
        return details;
    }

    @Override
    public boolean clientCaused() {
        return true;
    }
}
