package com.ocrchat.local;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.ocrchat.concurrent.DaemonThreads;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.joda.time.DateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The template's Schedule events: each handler invoked with a {@link ScheduledEvent} at its rate. */
final class Schedules implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("schedules"));

    static Schedules start(List<SamTemplate.Schedule> schedules, LambdaHandlers handlers) {
        Schedules started = new Schedules();
        for (SamTemplate.Schedule schedule : schedules) {
            long period = schedule.rate().toMillis();
            started.timer.scheduleAtFixedRate(
                    () -> {
                        ScheduledEvent event = new ScheduledEvent();
                        event.setId(UUID.randomUUID().toString());
                        event.setSource("aws.events");
                        event.setDetailType("Scheduled Event");
                        event.setRegion("us-east-1");
                        event.setTime(DateTime.now());
                        try {
                            handlers.invoke(
                                    schedule.handler(),
                                    event,
                                    new LocalLambdaContext(event.getId(), schedule.function(), 60));
                        } catch (Exception e) {
                            LOG.error("{} failed", schedule.function(), e);
                        }
                    },
                    period,
                    period,
                    TimeUnit.MILLISECONDS);
        }
        return started;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
