package com.ocrchat.functions.ocr;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ocrchat.aws.SqsRetryBackoff;
import com.ocrchat.events.QueueMessages;
import com.ocrchat.job.ChunkWorker;
import com.ocrchat.wiring.Wiring;
import java.time.Duration;

/**
 * The OCR worker: reads the chunks of large jobs from SQS, reporting the ones that failed on our side for redelivery,
 * which {@link SqsRetryBackoff} brings back within minutes rather than after the queue's visibility timeout.
 */
public class OcrWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /**
     * Kept back from the function's time for what follows the reading (the pages' results, the count, the job's
     * result when this chunk is the last) and for a reading to stop: a chunk not read by then is queued again.
     */
    static final Duration AFTER_READING = Duration.ofSeconds(60);

    private final ChunkWorker worker;
    private final SqsRetryBackoff retries;

    public OcrWorkerHandler() {
        this(Wiring.fromEnvironment());
    }

    public OcrWorkerHandler(Wiring wiring) {
        this.worker = new ChunkWorker(
                wiring.stores().jobs(),
                wiring.lifecycle(),
                OcrEngines.jobPages(wiring),
                wiring.stores().objects(),
                wiring.chunkQueue(),
                wiring.metrics());
        this.retries = wiring.chunkRetries();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueMessages.eachChunk(
                event,
                context,
                chunk -> worker.process(
                        chunk,
                        Duration.ofMillis(context.getRemainingTimeInMillis()).minus(AFTER_READING)),
                failed -> retries.retrySoon(
                        failed.getEventSourceArn(), failed.getReceiptHandle(), QueueMessages.receiveCount(failed)));
    }
}
