package com.ocrchat.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ocrchat.job.Chunk;
import com.ocrchat.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Runs each message of a batch; the ones that throw are reported as batch item failures, for SQS to retry. */
public final class QueueMessages {
    private static final Logger LOG = LoggerFactory.getLogger(QueueMessages.class);

    private QueueMessages() {}

    public static SQSBatchResponse eachChunk(SQSEvent event, Context context, Consumer<Chunk> action) {
        return eachChunk(event, context, action, failed -> {});
    }

    /** As above, and each message that failed is handed to {@code failed} (to bring it back sooner, say). */
    public static SQSBatchResponse eachChunk(
            SQSEvent event, Context context, Consumer<Chunk> action, Consumer<SQSEvent.SQSMessage> failed) {
        return each(event, context, Chunk.class, Chunk::uuid, action, failed);
    }

    /** Each message's JSON body as a {@code type}, logged under the job {@code jobOf} names. */
    public static <T> SQSBatchResponse each(
            SQSEvent event, Context context, Class<T> type, Function<T, String> jobOf, Consumer<T> action) {
        return each(event, context, type, jobOf, action, failed -> {});
    }

    private static <T> SQSBatchResponse each(
            SQSEvent event,
            Context context,
            Class<T> type,
            Function<T, String> jobOf,
            Consumer<T> action,
            Consumer<SQSEvent.SQSMessage> failed) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        try {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                LogContext.request(context, null);
                try {
                    T body = Json.read(message.getBody().getBytes(StandardCharsets.UTF_8), type);
                    LogContext.job(jobOf.apply(body));
                    action.accept(body);
                } catch (RuntimeException | Error e) {
                    LOG.error("Message {} failed (receive count {})", message.getMessageId(), receiveCount(message), e);
                    failed.accept(message);
                    failures.add(SQSBatchResponse.BatchItemFailure.builder()
                            .withItemIdentifier(message.getMessageId())
                            .build());
                }
            }
        } finally {
            MDC.clear();
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** How many times SQS has handed the message out, this time included (1 when it does not say). */
    public static int receiveCount(SQSEvent.SQSMessage message) {
        String count =
                message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
