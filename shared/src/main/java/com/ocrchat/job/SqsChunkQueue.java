package com.ocrchat.job;

import com.ocrchat.json.Json;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Chunks as SQS messages (JSON bodies), sent ten to a batch. */
public final class SqsChunkQueue implements ChunkQueue {
    private final SqsClient sqs;
    private final String queueUrl;
    private final String priorityQueueUrl;

    public SqsChunkQueue(SqsClient sqs, String queueUrl, String priorityQueueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.priorityQueueUrl = priorityQueueUrl;
    }

    @Override
    public void send(List<Chunk> chunks, boolean priority) {
        String url = priority ? priorityQueueUrl : queueUrl;
        for (int start = 0; start < chunks.size(); start += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (Chunk chunk : chunks.subList(start, Math.min(chunks.size(), start + 10))) {
                entries.add(SendMessageBatchRequestEntry.builder().id(chunk.id()).messageBody(Json.write(chunk)).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("SQS refused chunks: " + response.failed());
            }
        }
    }
}
