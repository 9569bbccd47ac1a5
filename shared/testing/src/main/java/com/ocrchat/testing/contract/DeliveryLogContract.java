package com.ocrchat.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ocrchat.webhook.DeliveryAttempt;
import com.ocrchat.webhook.DeliveryLog;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every delivery log promises: a job's attempts, in order, as recorded. A subclass gives the log. */
public abstract class DeliveryLogContract {

    protected abstract DeliveryLog log();

    @Test
    void attemptsAreKeptInOrderPerJob() {
        String job = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DeliveryAttempt failed = new DeliveryAttempt(
                "msg_" + job,
                "job_ended",
                1,
                now,
                "https://example.com/hook",
                DeliveryAttempt.RETRYING,
                503,
                null,
                120,
                now.plusSeconds(5));
        DeliveryAttempt delivered = new DeliveryAttempt(
                "msg_" + job,
                "job_ended",
                2,
                now.plusSeconds(5),
                "https://example.com/hook",
                DeliveryAttempt.DELIVERED,
                204,
                null,
                80,
                null);
        log().record(job, failed, now.plusSeconds(3600));
        log().record(job, delivered, now.plusSeconds(3600));
        assertEquals(List.of(failed, delivered), log().attempts(job));
        assertEquals(List.of(), log().attempts(UUID.randomUUID().toString()));
    }
}
