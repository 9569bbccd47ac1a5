package com.ocrchat.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.auth.Plan;
import com.ocrchat.job.JobRecord;
import com.ocrchat.json.Json;
import com.ocrchat.testing.InMemoryAccounts;
import com.ocrchat.testing.InMemoryDeliveryLog;
import com.ocrchat.testing.InMemoryJobStore;
import com.ocrchat.testing.TestJobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retry schedule and the payload, on a clock the test moves: the queue's delays are taken, not waited for. */
class WebhookDeliveryTest {
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final InMemoryJobStore jobs = new InMemoryJobStore(accounts);
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final Deque<Queued> queue = new ArrayDeque<>();
    private final List<Map<String, String>> posted = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private Instant now = Instant.parse("2026-11-29T10:00:00Z");
    private int status = 503;

    record Queued(WebhookEvent event, Duration delay) {}

    private final WebhookDelivery delivery = new WebhookDelivery(
            jobs,
            accounts,
            log,
            (event, delay) -> queue.add(new Queued(event, delay)),
            (url, headers, body) -> {
                posted.add(headers);
                bodies.add(body);
                return status == 0
                        ? new WebhookTransport.Answer(null, "The server did not answer in time")
                        : new WebhookTransport.Answer(status, null);
            },
            new WebhookSettings(
                    List.of(
                            Duration.ofSeconds(5),
                            Duration.ofMinutes(5),
                            Duration.ofMinutes(30),
                            Duration.ofHours(2),
                            Duration.ofHours(5),
                            Duration.ofHours(10),
                            Duration.ofHours(10)),
                    WebhookSettings.WINDOW,
                    "https://api.example.com"),
            new Clock() {
                @Override
                public Instant instant() {
                    return now;
                }

                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }
            });

    @Test
    void aReceiverThatNeverTakesItIsTriedOnStandardWebhooksScheduleForADayThenGivenUp() {
        JobRecord job = job(TestJobs.done("7d1f3a52-9a53-4d0e-8f6a-3e2c1b0a9f88", owner(), "scan.pdf", 3));
        queue.add(new Queued(WebhookEvent.first(job.uuid(), WebhookEvent.JOB_ENDED, now), Duration.ZERO));
        int hops = 0;
        while (!queue.isEmpty() && hops < 500) {
            Queued next = queue.poll();
            assertTrue(next.delay().compareTo(Duration.ofMinutes(15)) <= 0, "SQS delays at most 15 minutes");
            now = now.plus(next.delay());
            delivery.deliver(next.event());
            hops++;
        }
        List<DeliveryAttempt> attempts = log.attempts(job.uuid());
        assertEquals(8, attempts.size(), "the first try, six retries, and a last one as the 24 hours close");
        assertEquals(
                List.of(
                        Instant.parse("2026-11-29T10:00:00Z"),
                        Instant.parse("2026-11-29T10:00:05Z"),
                        Instant.parse("2026-11-29T10:05:05Z"),
                        Instant.parse("2026-11-29T10:35:05Z"),
                        Instant.parse("2026-11-29T12:35:05Z"),
                        Instant.parse("2026-11-29T17:35:05Z"),
                        Instant.parse("2026-11-30T03:35:05Z"),
                        Instant.parse("2026-11-30T10:00:00Z")),
                attempts.stream().map(DeliveryAttempt::at).toList());
        assertEquals(DeliveryAttempt.GAVE_UP, attempts.get(7).outcome());
        assertTrue(attempts.subList(0, 7).stream().allMatch(a -> a.outcome().equals(DeliveryAttempt.RETRYING)));
        assertEquals(
                Duration.ofHours(24),
                Duration.between(attempts.get(0).at(), attempts.get(7).at()));
        assertEquals(1, posted.stream().map(h -> h.get("webhook-id")).distinct().count());
        assertEquals(
                8,
                posted.stream().map(h -> h.get("webhook-timestamp")).distinct().count(),
                "signed anew");
    }

    @Test
    void aFailedJobIsAnnouncedWithItsErrorAndNoDownloadLink() {
        JobRecord failed = job(TestJobs.done("0b7e6a1c-2f4d-4e8a-9c3b-5d6e7f8a9b0c", owner(), "bad.pdf", 4)
                .failed("Page 3 is corrupt (charged for the 2 pages read before it)", now, 2));
        status = 204;
        delivery.deliver(WebhookEvent.first(failed.uuid(), WebhookEvent.JOB_ENDED, now));

        var body = Json.MAPPER.valueToTree(Json.read(bodies.get(0), Map.class));
        assertEquals("job.failed", body.get("type").asText());
        assertEquals("failed", body.get("data").get("status").asText());
        assertEquals(2, body.get("data").get("credits_charged").asInt());
        assertTrue(body.get("data").get("error").asText().contains("Page 3 is corrupt"));
        assertEquals(
                "https://api.example.com/api/v1/ocr/" + failed.uuid() + "/",
                body.get("data").get("links").get("job").asText());
        assertTrue(body.get("data").get("links").get("download") == null);
        String secret = accounts.webhookSecret(failed.owner().substring("account#".length()));
        Map<String, String> headers = posted.get(0);
        assertTrue(WebhookSignature.verify(
                secret,
                headers.get("webhook-id"),
                Long.parseLong(headers.get("webhook-timestamp")),
                bodies.get(0),
                headers.get("webhook-signature")));
        assertEquals(
                DeliveryAttempt.DELIVERED, log.attempts(failed.uuid()).get(0).outcome());
        assertTrue(queue.isEmpty(), "nothing more to send");
    }

    @Test
    void anUnreachableReceiverIsLoggedWithTheReason() {
        JobRecord job = job(TestJobs.done("3c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f", owner(), "scan.pdf", 1));
        status = 0;
        delivery.deliver(WebhookEvent.first(job.uuid(), WebhookEvent.JOB_ENDED, now));
        DeliveryAttempt attempt = log.attempts(job.uuid()).get(0);
        assertEquals("The server did not answer in time", attempt.error());
        assertEquals(null, attempt.status());
        assertEquals(now.plusSeconds(5), attempt.nextAttemptAt());
        assertEquals(Duration.ofSeconds(5), queue.peek().delay());
        assertEquals(2, queue.peek().event().attempt());
    }

    @Test
    void theSweepQueuesAnEndedJobWhoseWebhookNeverWentOutAndOnlyThat() {
        JobRecord lost = job(TestJobs.done("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", owner(), "lost.pdf", 1));
        JobRecord sent = job(TestJobs.done("1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", owner(), "sent.pdf", 1));
        log.record(
                sent.uuid(),
                new DeliveryAttempt(
                        "msg_" + sent.uuid(),
                        WebhookEvent.JOB_ENDED,
                        1,
                        now,
                        sent.callbackUrl(),
                        DeliveryAttempt.DELIVERED,
                        204,
                        null,
                        5,
                        null),
                sent.expiresAt());
        Webhooks webhooks = new Webhooks(
                new com.ocrchat.job.JobQueries(jobs, new com.ocrchat.testing.InMemoryObjectStore(), Clock.systemUTC()),
                log,
                (event, delay) -> queue.add(new Queued(event, delay)),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(30)));

        assertEquals(1, webhooks.sweep(jobs, Duration.ofMinutes(10), Duration.ofHours(3)));
        assertEquals(lost.uuid(), queue.poll().event().jobUuid());
        assertEquals(
                0,
                new Webhooks(
                                new com.ocrchat.job.JobQueries(
                                        jobs, new com.ocrchat.testing.InMemoryObjectStore(), Clock.systemUTC()),
                                log,
                                (event, delay) -> queue.add(new Queued(event, delay)),
                                Clock.systemUTC())
                        .sweep(jobs, Duration.ofMinutes(10), Duration.ofHours(3)),
                "not before it has settled");
    }

    private String owner() {
        return "account#" + accounts.create(Plan.PAID, 10).account().id();
    }

    /** The job as stored, with a callback. */
    private JobRecord job(JobRecord job) {
        JobRecord withCallback = new JobRecord(
                job.uuid(),
                job.owner(),
                job.status(),
                job.options(),
                job.filename(),
                job.pageCount(),
                job.pagesDone(),
                job.charge(),
                job.createdAt(),
                job.completedAt(),
                job.expiresAt(),
                job.detectedLanguage(),
                job.meanConfidence(),
                job.warnings(),
                job.error(),
                "https://example.com/hook");
        jobs.create(withCallback);
        return withCallback;
    }
}
