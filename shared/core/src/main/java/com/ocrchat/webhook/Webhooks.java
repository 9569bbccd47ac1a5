package com.ocrchat.webhook;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.ocrchat.auth.Caller;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.NotReady;
import com.ocrchat.error.TooManyRequests;
import com.ocrchat.job.JobEndListener;
import com.ocrchat.job.JobQueries;
import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job's webhooks as its owner sees them: queued when the job ends (inline or by the workers, done or failed),
 * its delivery log, and redelivery on request (a few per job, since each is up to a day of retries).
 */
public final class Webhooks implements JobEndListener {
    static final int MAX_REDELIVERIES = 10;

    /** GET /api/v1/ocr/{uuid}/deliveries/. */
    @JsonPropertyOrder({"job", "callback_url", "deliveries"})
    public record Deliveries(String job, String callbackUrl, List<DeliveryAttempt> deliveries) {}

    private final JobQueries jobs;
    private final DeliveryLog log;
    private final WebhookQueue queue;
    private final Clock clock;

    public Webhooks(JobQueries jobs, DeliveryLog log, WebhookQueue queue, Clock clock) {
        this.jobs = jobs;
        this.log = log;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public void ended(JobRecord job) {
        if (job.callbackUrl() != null) {
            queue.send(WebhookEvent.first(job.uuid(), WebhookEvent.JOB_ENDED, clock.instant()), Duration.ZERO);
        }
    }

    /**
     * At least once, whatever crashed: a job that ended more than {@code settled} ago with a callback and nothing
     * in its delivery log (its end was never queued, or its message was lost) is queued now. Receivers deduplicate
     * by webhook-id, so a slow first attempt sent twice does no harm. Looks at jobs created in the last
     * {@code lookBack}.
     */
    public int sweep(JobStore store, Duration settled, Duration lookBack) {
        Instant now = clock.instant();
        int queued = 0;
        for (JobRecord job : store.endedWithCallbackSince(now.minus(lookBack))) {
            if (job.completedAt() != null
                    && job.completedAt().isBefore(now.minus(settled))
                    && log.attempts(job.uuid()).isEmpty()) {
                queue.send(WebhookEvent.first(job.uuid(), WebhookEvent.JOB_ENDED, now), Duration.ZERO);
                queued++;
            }
        }
        return queued;
    }

    public Deliveries deliveries(Caller caller, String uuid) {
        JobRecord job = jobs.find(caller, uuid);
        return new Deliveries(job.uuid(), job.callbackUrl(), log.attempts(job.uuid()));
    }

    /** Sends the job's webhook again (with its own 24 hours of retries); the log shows it queued. */
    public Deliveries redeliver(Caller caller, String uuid) {
        JobRecord job = jobs.find(caller, uuid);
        if (job.callbackUrl() == null) {
            throw new InvalidInput("The job was submitted without a callback_url: there is nothing to deliver");
        }
        if (!job.status().isFinished()) {
            throw new NotReady(
                    "The job is " + job.status().id() + "; its webhook is sent when it ends",
                    job.status().id());
        }
        long asked = log.attempts(job.uuid()).stream()
                .filter(attempt -> attempt.outcome().equals(DeliveryAttempt.QUEUED))
                .count();
        if (asked >= MAX_REDELIVERIES) {
            throw new TooManyRequests(
                    "This job's webhook was redelivered " + MAX_REDELIVERIES + " times already",
                    Map.of("limit", MAX_REDELIVERIES));
        }
        Instant now = clock.instant();
        WebhookEvent event = WebhookEvent.first(job.uuid(), WebhookEvent.REDELIVERY, now);
        log.record(
                job.uuid(),
                new DeliveryAttempt(
                        event.webhookId(),
                        event.trigger(),
                        0,
                        now,
                        job.callbackUrl(),
                        DeliveryAttempt.QUEUED,
                        null,
                        null,
                        0,
                        now),
                job.expiresAt());
        queue.send(event, Duration.ZERO);
        return deliveries(caller, uuid);
    }
}
