package com.ocrchat.functions.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ocrchat.Application;
import com.ocrchat.job.ChunkWorker;

/** The OCR worker: recognizes the chunks of large jobs from SQS, reporting the ones that failed for redelivery. */
public class OcrWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final ChunkWorker worker;

    public OcrWorkerHandler() {
        this(Application.fromEnvironment());
    }

    public OcrWorkerHandler(Application application) {
        this.worker = application.chunkWorker;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return ChunkMessages.eachChunk(event, worker::process);
    }
}
