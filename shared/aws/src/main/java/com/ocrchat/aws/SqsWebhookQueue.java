package com.ocrchat.aws;

import com.ocrchat.json.Json;
import com.ocrchat.webhook.WebhookEvent;
import com.ocrchat.webhook.WebhookQueue;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Deliveries as SQS messages (JSON bodies) on the webhooks queue, delayed by SQS's own DelaySeconds. */
public final class SqsWebhookQueue implements WebhookQueue {
    private final Supplier<SqsClient> sqs;
    private final Optional<String> queueUrl;

    /** {@code sqs} is asked for on the first send: most jobs announce their end to no one. */
    public SqsWebhookQueue(Supplier<SqsClient> sqs, Optional<String> queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(WebhookEvent event, Duration delay) {
        String url = queueUrl.orElseThrow(
                () -> new IllegalStateException("OCRCHAT_WEBHOOKS_QUEUE_URL is not set: webhooks have nowhere to go"));
        int seconds = (int) Math.max(0, Math.min(900, delay.toSeconds()));
        sqs.get()
                .sendMessage(r -> r.queueUrl(url).messageBody(Json.write(event)).delaySeconds(seconds));
    }
}
