package com.ocrchat.functions.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.ocrchat.job.ChunkQueue;
import com.ocrchat.job.JobLifecycle;
import com.ocrchat.job.JobStore;
import com.ocrchat.settings.Retention;
import com.ocrchat.webhook.Webhooks;
import com.ocrchat.wiring.Wiring;
import java.time.Duration;
import java.util.Map;

/**
 * On a schedule: jobs left pending or processing past the timeout, while no backlog waits on their queue, are failed and
 * their credits given back; ended
 * jobs whose webhook never made it to the queue are queued now.
 */
public class StuckJobsHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    /** An ended job's webhook is queued at once; one still unsent after this was lost. */
    private static final Duration SETTLED = Duration.ofMinutes(10);

    private final JobLifecycle lifecycle;
    private final Duration stuckAfter;
    private final Webhooks webhooks;
    private final JobStore jobs;
    private final ChunkQueue queue;

    public StuckJobsHandler() {
        this(Wiring.fromEnvironment());
    }

    public StuckJobsHandler(Wiring wiring) {
        this.lifecycle = wiring.lifecycle();
        this.stuckAfter = Retention.from(wiring.env()).stuckJobAfter();
        this.webhooks = wiring.webhooks();
        this.jobs = wiring.stores().jobs();
        this.queue = wiring.chunkQueue();
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        int failed = lifecycle.failStuck(stuckAfter, queue);
        // Jobs end within stuckAfter of their creation: those created in this window cover every job ended lately.
        int requeued = webhooks.sweep(jobs, SETTLED, stuckAfter.plus(Duration.ofHours(2)));
        return Map.of("failed", failed, "webhooks_queued", requeued);
    }
}
