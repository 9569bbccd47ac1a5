package com.ocrchat.functions.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ocrchat.Application;
import com.ocrchat.job.ChunkWorker;

/** Reads the dead-letter queue: a chunk SQS gave up on fails its job, and the job's credits are given back once. */
public class DeadChunkHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final ChunkWorker worker;

    public DeadChunkHandler() {
        this(Application.fromEnvironment());
    }

    public DeadChunkHandler(Application application) {
        this.worker = application.chunkWorker;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return ChunkMessages.eachChunk(event, worker::failDead);
    }
}
