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
    void theDelayStartsAtASixtiethOfTheQueuesTimeoutAndDoublesUpToIt() {
        Duration chunkQueues = Duration.ofSeconds(1800);
        assertEquals(
                List.of(30L, 60L, 120L, 240L, 480L, 960L, 1800L, 1800L),
                List.of(1, 2, 3, 4, 5, 6, 7, 50).stream()
                        .map(receives ->
                                SqsRetryBackoff.delay(receives, chunkQueues).toSeconds())
                        .toList());
        assertEquals(Duration.ofSeconds(1), SqsRetryBackoff.delay(1, Duration.ofSeconds(2)), "at least a second");
        assertEquals(Duration.ofSeconds(2), SqsRetryBackoff.delay(3, Duration.ofSeconds(2)), "never past the timeout");
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
        assertTrue(receive(sqs, url, 1).isEmpty(), "the second retry waits longer (4 s)");
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
