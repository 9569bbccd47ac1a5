package com.ocrchat.webhook;

import java.time.Duration;

/** Where deliveries wait for their (next) attempt: SQS on AWS and locally (ElasticMQ). */
public interface WebhookQueue {
    /** Queues {@code event}, invisible for {@code delay} (at most 15 minutes). */
    void send(WebhookEvent event, Duration delay);
}
