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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Runs each chunk message of a batch; the ones that throw are reported as batch item failures, for SQS to retry. */
public final class ChunkMessages {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkMessages.class);

    private ChunkMessages() {}

    public static SQSBatchResponse eachChunk(SQSEvent event, Context context, Consumer<Chunk> action) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        try {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                LogContext.request(context, null);
                try {
                    Chunk chunk = Json.read(message.getBody().getBytes(StandardCharsets.UTF_8), Chunk.class);
                    LogContext.job(chunk.uuid());
                    action.accept(chunk);
                } catch (RuntimeException | Error e) {
                    LOG.error(
                            "Chunk message {} failed (receive count {})",
                            message.getMessageId(),
                            message.getAttributes() == null
                                    ? "?"
                                    : message.getAttributes().get("ApproximateReceiveCount"),
                            e);
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
}
