package com.ocrchat.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ocrchat.concurrent.DaemonThreads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The template's SQS event sources, run the way a Lambda event source mapping runs them: per queue, N
 * pollers long-poll for batches of up to BatchSize messages, invoke the handler with an {@link SQSEvent}, and
 * delete the messages
 * that were not reported in {@code batchItemFailures}. A failed message becomes visible again when its
 * visibility timeout ends; after the queue's maxReceiveCount, SQS (ElasticMQ) moves it to the DLQ.
 */
final class QueuePollers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueuePollers.class);

    private final SqsClient sqs;
    private final LambdaHandlers handlers;
    private final ExecutorService pollers = Executors.newCachedThreadPool(DaemonThreads.named("sqs-poller"));
    private volatile boolean running = true;

    private QueuePollers(SqsClient sqs, LambdaHandlers handlers) {
        this.sqs = sqs;
        this.handlers = handlers;
    }

    /** Starts {@code pollersPerQueue} pollers for each SQS event source; queue URLs by logical id. */
    static QueuePollers start(
            List<SamTemplate.QueueEvent> events,
            Map<String, String> queueUrls,
            SqsClient sqs,
            LambdaHandlers handlers,
            int pollersPerQueue) {
        QueuePollers started = new QueuePollers(sqs, handlers);
        for (SamTemplate.QueueEvent source : events) {
            for (int i = 0; i < pollersPerQueue; i++) {
                started.pollers.submit(() -> started.poll(source, queueUrls.get(source.queue())));
            }
        }
        return started;
    }

    /**
     * How long a receive waits for a message (SQS long polling): a message is taken the moment it arrives, and
     * an idle poller asks once per wait, not ten times a second.
     */
    private static final int WAIT_SECONDS = 2;

    private void poll(SamTemplate.QueueEvent source, String queueUrl) {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                                .maxNumberOfMessages(Math.min(10, source.batchSize()))
                                .waitTimeSeconds(WAIT_SECONDS)
                                .messageSystemAttributeNamesWithStrings("All"))
                        .messages();
                if (messages.isEmpty()) {
                    continue;
                }
                if (running) {
                    deliver(source, queueUrl, messages);
                } else {
                    release(queueUrl, messages); // taken as the server stopped: back on the queue at once
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Polling {} failed: {}", source.queue(), e.toString());
                    sleep(500);
                }
            }
        }
    }

    private void deliver(SamTemplate.QueueEvent source, String queueUrl, List<Message> messages) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        String arn = "arn:aws:sqs:us-east-1:000000000000:" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setAttributes(new HashMap<>(message.attributesAsStrings()));
            record.setMessageAttributes(Map.of());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(arn);
            record.setAwsRegion("us-east-1");
            records.add(record);
        }
        event.setRecords(records);
        Set<String> failed;
        try {
            Object response = handlers.invoke(
                    source.handler(),
                    event,
                    new LocalLambdaContext(UUID.randomUUID().toString(), source.function(), source.timeoutSeconds()));
            failed = source.reportsItemFailures()
                            && response instanceof SQSBatchResponse batch
                            && batch.getBatchItemFailures() != null
                    ? batch.getBatchItemFailures().stream()
                            .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                            .collect(Collectors.toSet())
                    : Set.of();
        } catch (Exception e) {
            // A handler that throws fails the whole batch: nothing is deleted, everything is redelivered.
            LOG.error("{} failed on a batch of {}", source.function(), messages.size(), e);
            return;
        }
        List<DeleteMessageBatchRequestEntry> done = messages.stream()
                .filter(m -> !failed.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder()
                        .id(m.messageId())
                        .receiptHandle(m.receiptHandle())
                        .build())
                .toList();
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
        }
    }

    private void release(String queueUrl, List<Message> messages) {
        sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl)
                .entries(messages.stream()
                        .map(m -> ChangeMessageVisibilityBatchRequestEntry.builder()
                                .id(m.messageId())
                                .receiptHandle(m.receiptHandle())
                                .visibilityTimeout(0)
                                .build())
                        .toList()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        pollers.shutdown();
        try {
            pollers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pollers.shutdownNow();
    }
}
