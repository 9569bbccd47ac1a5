package com.ocrchat.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobStatus;
import com.ocrchat.job.JobStore;
import com.ocrchat.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one attempt of a queued delivery: the job's summary, signed with its account's secret, POSTed to its
 * callback_url; every attempt logged. A failed attempt is queued again after the next wait of the schedule, until
 * 24 hours after the first: at least once, through the queue, never a thread waiting.
 */
public final class WebhookDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    /** SQS delays a message at most this long; a longer wait is several hops. */
    static final Duration MAX_QUEUE_DELAY = Duration.ofMinutes(15);

    /** The body: Standard Webhooks' envelope around the job's summary. */
    @JsonPropertyOrder({"type", "timestamp", "data"})
    record Payload(String type, Instant timestamp, Summary data) {}

    @JsonPropertyOrder({
        "uuid",
        "status",
        "filename",
        "page_count",
        "pages_done",
        "credits_charged",
        "error",
        "created_at",
        "completed_at",
        "links"
    })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Summary(
            String uuid,
            String status,
            String filename,
            int pageCount,
            int pagesDone,
            int creditsCharged,
            String error,
            Instant createdAt,
            Instant completedAt,
            Map<String, String> links) {}

    private final JobStore jobs;
    private final AccountStore accounts;
    private final DeliveryLog log;
    private final WebhookQueue queue;
    private final WebhookTransport transport;
    private final WebhookSettings settings;
    private final Clock clock;

    public WebhookDelivery(
            JobStore jobs,
            AccountStore accounts,
            DeliveryLog log,
            WebhookQueue queue,
            WebhookTransport transport,
            WebhookSettings settings,
            Clock clock) {
        this.jobs = jobs;
        this.accounts = accounts;
        this.log = log;
        this.queue = queue;
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
    }

    public void deliver(WebhookEvent event) {
        Instant now = clock.instant();
        if (now.isBefore(event.notBefore())) {
            queue.send(event, wait(now, event.notBefore())); // another hop of a wait longer than SQS's delay
            return;
        }
        Optional<JobRecord> found = jobs.find(event.jobUuid());
        if (found.isEmpty()
                || found.get().callbackUrl() == null
                || !found.get().owner().startsWith("account#")) {
            LOG.info("Webhook {}: job {} is gone or has no callback; dropped", event.webhookId(), event.jobUuid());
            return;
        }
        JobRecord job = found.get();
        String secret = accounts.webhookSecret(job.owner().substring("account#".length()));
        byte[] body = Json.writeBytes(new Payload("job." + job.status().id(), now, summary(job)));
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", event.webhookId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.sign(secret, event.webhookId(), timestamp, body));
        long started = System.nanoTime();
        WebhookTransport.Answer answer = transport.post(job.callbackUrl(), headers, body);
        long durationMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        Optional<Instant> next = answer.delivered() ? Optional.empty() : nextAttempt(event, now);
        String outcome = answer.delivered()
                ? DeliveryAttempt.DELIVERED
                : next.isPresent() ? DeliveryAttempt.RETRYING : DeliveryAttempt.GAVE_UP;
        log.record(
                job.uuid(),
                new DeliveryAttempt(
                        event.webhookId(),
                        event.trigger(),
                        event.attempt(),
                        now,
                        job.callbackUrl(),
                        outcome,
                        answer.status(),
                        answer.error(),
                        durationMs,
                        next.orElse(null)),
                job.expiresAt());
        LOG.info(
                "Webhook {} attempt {} to job {}'s callback: {} ({})",
                event.webhookId(),
                event.attempt(),
                job.uuid(),
                outcome,
                answer.status() != null ? "HTTP " + answer.status() : answer.error());
        next.ifPresent(at -> queue.send(event.next(at), wait(now, at)));
    }

    /**
     * When to try again after a failed attempt: the schedule's next wait; a wait that would pass the 24 hours is cut
     * to their end, so the last attempt is made as the window closes.
     */
    private Optional<Instant> nextAttempt(WebhookEvent event, Instant now) {
        if (event.attempt() > settings.retryDelays().size()) {
            return Optional.empty();
        }
        Instant closes = event.firstAttemptAt().plus(settings.retryWindow());
        Instant at = now.plus(settings.retryDelays().get(event.attempt() - 1));
        if (!at.isAfter(closes)) {
            return Optional.of(at);
        }
        return now.isBefore(closes.minusSeconds(60)) ? Optional.of(closes) : Optional.empty();
    }

    private static Duration wait(Instant now, Instant until) {
        Duration wait = Duration.between(now, until);
        return wait.compareTo(MAX_QUEUE_DELAY) > 0 ? MAX_QUEUE_DELAY : wait.isNegative() ? Duration.ZERO : wait;
    }

    private Summary summary(JobRecord job) {
        String self = settings.publicUrl() + "/api/v1/ocr/" + job.uuid() + "/";
        Map<String, String> links = new LinkedHashMap<>();
        links.put("job", self);
        if (job.status() == JobStatus.DONE) {
            links.put("download", self + "download/?format=md");
        }
        links.put("deliveries", self + "deliveries/");
        return new Summary(
                job.uuid(),
                job.status().id(),
                job.filename(),
                job.pageCount(),
                job.pagesDone(),
                job.creditsCharged(),
                job.error(),
                job.createdAt(),
                job.completedAt(),
                links);
    }
}
