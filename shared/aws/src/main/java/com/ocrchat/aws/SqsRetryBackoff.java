package com.ocrchat.aws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Brings a failed chunk back soon. SQS shows a message that failed again only when its visibility timeout ends, and
 * the chunk queues' is 30 minutes (six times the worker's timeout, as AWS advises for a Lambda event source, so that a
 * chunk being read is never handed to a second worker). A chunk that failed is done with, so its visibility is set to
 * a thirtieth of that instead, doubling with each receive (1, 2, 4 and 8 minutes), and to nothing after its last
 * receive, which only hands it to the dead-letter queue: that verdict comes within about a quarter of an hour, not two
 * and a half hours. Never beyond the queue's own timeout. Best effort: when it cannot be set, that timeout applies.
 */
public final class SqsRetryBackoff {
    private static final Logger LOG = LoggerFactory.getLogger(SqsRetryBackoff.class);

    /**
     * The first retry comes after this share of the queue's timeout: a minute of the chunk queues' 30, by when a
     * transient fault (a store's 503, a throttled call) has cleared. A queue's timeout is where its retries are set.
     */
    static final int FIRST_RETRY_OF_TIMEOUT = 30;

    private static final Pattern MAX_RECEIVES = Pattern.compile("\"maxReceiveCount\"\\s*:\\s*\"?(\\d+)");

    /** A queue's visibility timeout, and how many receives its redrive policy allows (0: no dead-letter queue). */
    record QueueRetries(Duration timeout, int maxReceives) {}

    private final SqsClient sqs;
    private final Queues queues;
    private final Map<String, QueueRetries> retries = new ConcurrentHashMap<>();

    /** For the messages of the chunk queues. */
    public SqsRetryBackoff(SqsClient sqs, Queues queues) {
        this.sqs = sqs;
        this.queues = queues;
    }

    /** The message of the queue {@code queueArn} that failed on its {@code receiveCount}-th receive comes back soon. */
    public void retrySoon(String queueArn, String receiptHandle, int receiveCount) {
        try {
            String url = urlOf(queueArn);
            Duration delay = delay(receiveCount, retries.computeIfAbsent(url, this::retriesOf));
            sqs.changeMessageVisibility(
                    r -> r.queueUrl(url).receiptHandle(receiptHandle).visibilityTimeout((int) delay.toSeconds()));
        } catch (RuntimeException e) {
            LOG.warn(
                    "A failed message of {} comes back after the queue's visibility timeout: {}",
                    queueArn,
                    e.toString());
        }
    }

    /**
     * Nothing after the last receive the queue allows; else the first retry's delay, doubled for each receive before
     * this one, at most the queue's timeout.
     */
    static Duration delay(int receiveCount, QueueRetries queue) {
        if (queue.maxReceives() > 0 && receiveCount >= queue.maxReceives()) {
            return Duration.ZERO;
        }
        Duration first = Duration.ofSeconds(Math.max(1, queue.timeout().toSeconds() / FIRST_RETRY_OF_TIMEOUT));
        int doublings = Math.max(0, Math.min(receiveCount, 20) - 1);
        Duration backoff = first.multipliedBy(1L << doublings);
        return backoff.compareTo(queue.timeout()) < 0 ? backoff : queue.timeout();
    }

    /** An event's queue ARN ends with the queue's name, as its URL does. */
    private String urlOf(String queueArn) {
        String name = queueArn.substring(queueArn.lastIndexOf(':') + 1);
        return Stream.of(queues.jobs(), queues.priority())
                .filter(url -> url.endsWith("/" + name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a chunk queue: " + queueArn));
    }

    private QueueRetries retriesOf(String url) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url)
                        .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.REDRIVE_POLICY))
                .attributes();
        Matcher maxReceives = MAX_RECEIVES.matcher(attributes.getOrDefault(QueueAttributeName.REDRIVE_POLICY, ""));
        return new QueueRetries(
                Duration.ofSeconds(Long.parseLong(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT))),
                maxReceives.find() ? Integer.parseInt(maxReceives.group(1)) : 0);
    }
}
