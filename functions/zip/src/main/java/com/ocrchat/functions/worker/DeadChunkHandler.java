package com.ocrchat.functions.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ocrchat.events.QueueMessages;
import com.ocrchat.job.JobLifecycle;
import com.ocrchat.wiring.Wiring;

/** Reads the dead-letter queue: a chunk SQS gave up on fails its job, and the job's credits are given back once. */
public class DeadChunkHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final JobLifecycle lifecycle;

    public DeadChunkHandler() {
        this(Wiring.fromEnvironment());
    }

    public DeadChunkHandler(Wiring wiring) {
        this.lifecycle = wiring.lifecycle();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueMessages.eachChunk(event, context, lifecycle::failChunk);
    }
}
