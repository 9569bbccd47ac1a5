package com.ocrchat.aws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Brings a failed chunk back soon. SQS shows a message that failed again only when its visibility timeout ends, and
 * the chunk queues' is 30 minutes (six times the worker's timeout, as AWS advises for a Lambda event source, so that a
 * chunk being read is never handed to a second worker). A chunk that failed is done with, so its visibility is set to
 * a sixtieth of that instead, doubling with each receive (30 s, 1, 2, 4, 8 minutes: the dead-letter queue's verdict
 * after five failures comes within about a quarter of an hour, not two and a half hours), never beyond the queue's own
 * timeout. Best effort: when it cannot be set, the queue's timeout applies.
 */
public final class SqsRetryBackoff {
    private static final Logger LOG = LoggerFactory.getLogger(SqsRetryBackoff.class);

    /**
     * The first retry comes after this share of the queue's timeout: 30 s of the chunk queues' 30 minutes, by when a
     * transient fault (a store's 503, a throttled call) has cleared. A queue's timeout is where its retries are set.
     */
    static final int FIRST_RETRY_OF_TIMEOUT = 60;

    private final SqsClient sqs;
    private final Queues queues;
    private final Map<String, Duration> timeouts = new ConcurrentHashMap<>();

    /** For the messages of the chunk queues. */
    public SqsRetryBackoff(SqsClient sqs, Queues queues) {
        this.sqs = sqs;
        this.queues = queues;
    }

    /** The message of the queue {@code queueArn} that failed on its {@code receiveCount}-th receive comes back soon. */
    public void retrySoon(String queueArn, String receiptHandle, int receiveCount) {
        try {
            String url = urlOf(queueArn);
            Duration delay = delay(receiveCount, timeouts.computeIfAbsent(url, this::visibilityTimeout));
            sqs.changeMessageVisibility(
                    r -> r.queueUrl(url).receiptHandle(receiptHandle).visibilityTimeout((int) delay.toSeconds()));
        } catch (RuntimeException e) {
            LOG.warn(
                    "A failed message of {} comes back after the queue's visibility timeout: {}",
                    queueArn,
                    e.toString());
        }
    }

    /** The first retry's delay, doubled for each receive before this one; at most {@code queueTimeout}. */
    static Duration delay(int receiveCount, Duration queueTimeout) {
        Duration first = Duration.ofSeconds(Math.max(1, queueTimeout.toSeconds() / FIRST_RETRY_OF_TIMEOUT));
        int doublings = Math.max(0, Math.min(receiveCount, 20) - 1);
        Duration backoff = first.multipliedBy(1L << doublings);
        return backoff.compareTo(queueTimeout) < 0 ? backoff : queueTimeout;
    }

    /** An event's queue ARN ends with the queue's name, as its URL does. */
    private String urlOf(String queueArn) {
        String name = queueArn.substring(queueArn.lastIndexOf(':') + 1);
        return Stream.of(queues.jobs(), queues.priority())
                .filter(url -> url.endsWith("/" + name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a chunk queue: " + queueArn));
    }

    private Duration visibilityTimeout(String url) {
        String seconds = sqs.getQueueAttributes(
                        r -> r.queueUrl(url).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                .attributes()
                .get(QueueAttributeName.VISIBILITY_TIMEOUT);
        return Duration.ofSeconds(Long.parseLong(seconds));
    }
}
