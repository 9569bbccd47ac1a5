package com.ocrchat.outbound;

import com.ocrchat.webhook.WebhookTransport;
import java.time.Duration;
import java.util.Map;

/**
 * Webhook deliveries through {@link OutboundHttp}: the callback's addresses are checked at every attempt (DNS may
 * have changed since the job was submitted), 10 seconds per attempt, at most 64 KB of the answer read.
 */
public final class OutboundWebhooks implements WebhookTransport {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final long MAX_ANSWER_BYTES = 64 * 1024;

    private final OutboundHttp http;

    public OutboundWebhooks(OutboundHttp http) {
        this.http = http;
    }

    @Override
    public Answer post(String url, Map<String, String> headers, byte[] body) {
        try {
            return new Answer(
                    http.post(url, headers, body, "application/json", MAX_ANSWER_BYTES, DEADLINE)
                            .status(),
                    null);
        } catch (OutboundFailure e) {
            return new Answer(null, e.getMessage());
        }
    }
}
