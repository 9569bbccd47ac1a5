package com.ocrchat.aws;

import com.ocrchat.job.Chunk;
import com.ocrchat.job.ChunkQueue;
import com.ocrchat.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Chunks as SQS messages (JSON bodies), sent ten to a batch; paid accounts' to the priority queue. */
public final class SqsChunkQueue implements ChunkQueue {
    private final SqsClient sqs;
    private final Queues queues;

    public SqsChunkQueue(SqsClient sqs, Queues queues) {
        this.sqs = sqs;
        this.queues = queues;
    }

    @Override
    public void send(List<Chunk> chunks, boolean priority) {
        String url = priority ? queues.priority() : queues.jobs();
        for (int start = 0; start < chunks.size(); start += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (Chunk chunk : chunks.subList(start, Math.min(chunks.size(), start + 10))) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(chunk.id())
                        .messageBody(Json.write(chunk))
                        .build());
            }
            SendMessageBatchResponse response =
                    sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("SQS refused chunks: " + response.failed());
            }
        }
    }

    /** Messages visible or delayed, not those a worker holds: a chunk being read is no backlog. */
    @Override
    public boolean hasWaiting(boolean priority) {
        String url = priority ? queues.priority() : queues.jobs();
        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(r -> r.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes();
        return counts.values().stream().mapToLong(Long::parseLong).sum() > 0;
    }
}
