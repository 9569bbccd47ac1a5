package com.ocrchat.functions.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.ocrchat.job.JobLifecycle;
import com.ocrchat.settings.Retention;
import com.ocrchat.wiring.Wiring;
import java.time.Duration;
import java.util.Map;

/** On a schedule: jobs left pending or processing past the timeout are failed and their credits given back. */
public class StuckJobsHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private final JobLifecycle lifecycle;
    private final Duration stuckAfter;

    public StuckJobsHandler() {
        this(Wiring.fromEnvironment());
    }

    public StuckJobsHandler(Wiring wiring) {
        this.lifecycle = wiring.lifecycle();
        this.stuckAfter = Retention.from(wiring.env()).stuckJobAfter();
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        return Map.of("failed", lifecycle.failStuck(stuckAfter));
    }
}
