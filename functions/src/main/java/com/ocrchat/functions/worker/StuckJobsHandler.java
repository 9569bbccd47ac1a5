package com.ocrchat.functions.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.ocrchat.Application;
import com.ocrchat.job.ChunkWorker;
import java.util.Map;

/** On a schedule: jobs left pending or processing past the timeout are failed and their credits given back. */
public class StuckJobsHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private final ChunkWorker worker;

    public StuckJobsHandler() {
        this(Application.fromEnvironment());
    }

    public StuckJobsHandler(Application application) {
        this.worker = application.chunkWorker;
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        return Map.of("failed", worker.failStuck());
    }
}
