package com.ocrchat.testing;

import com.ocrchat.webhook.DeliveryAttempt;
import com.ocrchat.webhook.DeliveryLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The delivery log in memory. */
public final class InMemoryDeliveryLog implements DeliveryLog {
    private final Map<String, List<DeliveryAttempt>> attempts = new ConcurrentHashMap<>();

    @Override
    public void record(String jobUuid, DeliveryAttempt attempt, Instant expiresAt) {
        attempts.computeIfAbsent(jobUuid, uuid -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(attempt);
    }

    @Override
    public List<DeliveryAttempt> attempts(String jobUuid) {
        List<DeliveryAttempt> log = attempts.getOrDefault(jobUuid, List.of());
        synchronized (log) {
            return List.copyOf(log);
        }
    }
}
