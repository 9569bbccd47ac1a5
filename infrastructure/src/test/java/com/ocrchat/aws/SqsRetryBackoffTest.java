package com.ocrchat.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.local.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A failed chunk comes back within seconds or minutes, on a real SQS (ElasticMQ), not after the queue's timeout. */
class SqsRetryBackoffTest {

    @Test
    void theDelayStartsAtAThirtiethOfTheQueuesTimeoutDoublesUpToItAndIsNothingAfterTheLastReceive() {
        SqsRetryBackoff.QueueRetries chunkQueues = new SqsRetryBackoff.QueueRetries(Duration.ofSeconds(1800), 5);
        assertEquals(
                List.of(60L, 120L, 240L, 480L, 0L, 0L),
                List.of(1, 2, 3, 4, 5, 6).stream()
                        .map(receives ->
                                SqsRetryBackoff.delay(receives, chunkQueues).toSeconds())
                        .toList(),
                "the fifth receive's failure only moves it to the dead-letter queue: at once");
        SqsRetryBackoff.QueueRetries noDeadLetters = new SqsRetryBackoff.QueueRetries(Duration.ofSeconds(1800), 0);
        assertEquals(Duration.ofSeconds(1800), SqsRetryBackoff.delay(6, noDeadLetters), "never past the timeout");
        SqsRetryBackoff.QueueRetries local = new SqsRetryBackoff.QueueRetries(Duration.ofSeconds(2), 5);
        assertEquals(Duration.ofSeconds(1), SqsRetryBackoff.delay(1, local), "at least a second");
        assertEquals(Duration.ofSeconds(2), SqsRetryBackoff.delay(3, local));
    }

    @Test
    void afterItsLastReceiveAFailedMessageGoesToTheDeadLetterQueueAtOnce() {
        SqsClient sqs = AwsClients.sqs(TestServer.stores().settings());
        String name = "backoff-" + UUID.randomUUID();
        String deadUrl = sqs.createQueue(r -> r.queueName(name + "-dead")).queueUrl();
        String deadArn = sqs.getQueueAttributes(r -> r.queueUrl(deadUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        String url = sqs.createQueue(r -> r.queueName(name)
                        .attributes(Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                "60",
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\"" + deadArn + "\",\"maxReceiveCount\":\"2\"}")))
                .queueUrl();
        SqsRetryBackoff backoff = new SqsRetryBackoff(sqs, new Queues(Optional.of(url), Optional.empty()));
        String arn = "arn:aws:sqs:us-east-1:000000000000:" + name;
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("{}"));
        backoff.retrySoon(arn, receive(sqs, url, 5).orElseThrow().receiptHandle(), 1); // back after 2 s

        backoff.retrySoon(arn, receive(sqs, url, 10).orElseThrow().receiptHandle(), 2); // its last: at once

        assertTrue(receive(sqs, url, 1).isEmpty(), "the receive that finds it moves it to the dead-letter queue");
        assertTrue(receive(sqs, deadUrl, 2).isPresent(), "not after another 4 s");
        sqs.deleteQueue(r -> r.queueUrl(url));
        sqs.deleteQueue(r -> r.queueUrl(deadUrl));
    }

    @Test
    void aFailedMessageIsShownAgainAfterTheBackoffNotAfterTheQueuesTimeout() {
        SqsClient sqs = AwsClients.sqs(TestServer.stores().settings());
        String name = "backoff-" + UUID.randomUUID();
        String url = sqs.createQueue(
                        r -> r.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "120")))
                .queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("{}"));
        Message first = receive(sqs, url, 5).orElseThrow();
        SqsRetryBackoff backoff = new SqsRetryBackoff(sqs, new Queues(Optional.of(url), Optional.empty()));

        backoff.retrySoon("arn:aws:sqs:us-east-1:000000000000:" + name, first.receiptHandle(), 1);

        Message again = receive(sqs, url, 10).orElseThrow(() -> new AssertionError("not shown again within 10 s"));
        assertEquals(first.messageId(), again.messageId());
        assertEquals("2", again.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        backoff.retrySoon("arn:aws:sqs:us-east-1:000000000000:" + name, again.receiptHandle(), 2);
        assertTrue(receive(sqs, url, 1).isEmpty(), "the second retry waits longer (4 s, the first 2 s)");
        assertTrue(receive(sqs, url, 10).isPresent());
        sqs.deleteQueue(r -> r.queueUrl(url));
    }

    private static Optional<Message> receive(SqsClient sqs, String url, int waitSeconds) {
        return sqs
                .receiveMessage(r -> r.queueUrl(url)
                        .waitTimeSeconds(waitSeconds)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages()
                .stream()
                .findFirst();
    }
}
