package com.ocrchat.job;

import com.ocrchat.json.Json;
import com.ocrchat.metering.Charge;
import com.ocrchat.observe.Stages;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of a job's states: it files an accepted job, starts it, finishes it with its result,
 * or fails it and gives its credits back. Every move is a conditional write that succeeds for one
 * caller only, so a job is finished once and refunded once however many inline readers, chunk
 * workers, dead-letter consumers and sweeps race.
 */
public final class JobLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(JobLifecycle.class);

    private final JobStore jobs;
    private final ObjectStore objects;
    private final JobMetrics metrics;
    private final JobEndListener ended;
    private final Clock clock;

    public JobLifecycle(JobStore jobs, ObjectStore objects, JobMetrics metrics, JobEndListener ended, Clock clock) {
        this.jobs = jobs;
        this.objects = objects;
        this.metrics = metrics;
        this.ended = ended;
        this.clock = clock;
    }

    /** Files an accepted job (its credits reserved, its file in the bucket). */
    public void open(JobRecord job) {
        Stages.time(Stages.JOB_RECORDS, -1, () -> jobs.create(job));
    }

    /**
     * A job whose filing threw, when the write may have landed all the same (a timeout after it did, or an SDK retry
     * refused by the uuid it had just written): true when it did, and the job goes on as filed. Else the job is filed
     * as failed with its credits back, in one write that also keeps the filing still in flight from landing, and false.
     * So its reservation is given back exactly once, never also by the sweep.
     */
    public boolean filedAfterAll(JobRecord job, String reason) {
        // No webhook: the request answers with an error, and its caller never learns the job's id.
        JobRecord failed = job.failed(reason, now()).withoutCallback();
        if (!jobs.failIfAbsent(failed, job.charge())) {
            return true;
        }
        failed(job.uuid(), reason, job.charge().credits());
        return false;
    }

    /** pending -> processing, when a worker starts on it. */
    public void start(String uuid) {
        Stages.time(Stages.JOB_RECORDS, -1, () -> jobs.markProcessing(uuid, now()));
    }

    /**
     * An inline job not read within the request's time, about to go to the workers: pending again, as a job queued on
     * filing is, so that the sweep leaves it while its chunks may wait in a backlog.
     */
    public JobRecord handOver(JobRecord job) {
        try {
            Stages.time(Stages.JOB_RECORDS, -1, () -> jobs.markPending(job.uuid()));
            return job.pending();
        } catch (RuntimeException e) { // only the sweep reads it: the job goes to the workers all the same
            LOG.error("Job {} could not be marked pending; it goes to the workers as processing", job.uuid(), e);
            return job;
        }
    }

    /**
     * Stores the result and moves the job to done, once: the done record for the caller that did it,
     * empty when the job was finished (or failed) by someone else first.
     */
    public Optional<JobRecord> finish(JobRecord job, JobResult result) {
        Stages.time(
                Stages.RESULT_STORE,
                -1,
                () -> objects.put(BucketLayout.result(job.uuid()), Json.writeBytes(result), "application/json"));
        JobRecord done = job.done(result, now());
        if (!Stages.time(Stages.JOB_RECORDS, -1, () -> jobs.finish(done))) {
            return Optional.empty();
        }
        deleteUpload(job.uuid());
        metrics.jobFinished(job.pageCount(), job.charge().credits());
        LOG.info("Job {} done: {} pages", job.uuid(), job.pageCount());
        announce(done);
        return Optional.of(done);
    }

    /** Fails the job with {@code reason} and gives its credits back: the failed record for the one caller that did it. */
    public Optional<JobRecord> fail(String uuid, String reason) {
        return jobs.find(uuid).filter(job -> !job.status().isFinished()).flatMap(job -> fail(job, reason));
    }

    /** As {@link #fail(String, String)} for a record in hand: a fault on our side, so every credit goes back. */
    public Optional<JobRecord> fail(JobRecord job, String reason) {
        return fail(job, reason, 0);
    }

    /**
     * Fails the job for a fault in the client's file found after {@code pagesRead} of its pages had been read:
     * that work is charged (the message says so), the rest given back. A file is checked as far as it can be
     * before anything is reserved; what only reading finds is the sender's cost, not the service's.
     */
    public Optional<JobRecord> failClientCaused(JobRecord job, String reason, int pagesRead) {
        int read = Math.max(0, Math.min(pagesRead, job.pageCount()));
        long kept = job.pageCount() == 0 ? 0 : job.charge().credits() / job.pageCount() * read;
        return fail(
                job,
                kept == 0
                        ? reason
                        : reason + " (charged for the " + read + " page" + (read == 1 ? "" : "s") + " read before it)",
                kept);
    }

    /**
     * The only place a job's credits are given back: all of them but {@code creditsKept}, in the same write that fails
     * the job, so that no failure between the two can keep them.
     */
    private Optional<JobRecord> fail(JobRecord job, String reason, long creditsKept) {
        return fail(job, reason, creditsKept, jobs::fail);
    }

    /** As above, the job's failure and refund written by {@code write} (a plain failure, or the sweep's). */
    private Optional<JobRecord> fail(
            JobRecord job, String reason, long creditsKept, BiPredicate<JobRecord, Charge> write) {
        JobRecord failed = job.failed(reason, now(), creditsKept);
        Charge charge = job.charge();
        if (!write.test(failed, new Charge(charge.accountId(), charge.window(), charge.credits() - creditsKept))) {
            return Optional.empty();
        }
        failed(job.uuid(), reason, charge.credits() - creditsKept);
        announce(failed);
        return Optional.of(failed);
    }

    /** What follows a job's failure and refund, once written: its file deleted, the refund counted, the reason logged. */
    private void failed(String uuid, String reason, long creditsRefunded) {
        deleteUpload(uuid);
        metrics.jobFailed(creditsRefunded);
        LOG.warn("Job {} failed: {}", uuid, reason);
    }

    /**
     * The job's file, no longer needed once it has ended. Best effort: the job has ended whatever this store says, so a
     * failure to delete is logged, not thrown (a throw would answer a done job with a 500, and a retry pay twice); the
     * bucket's lifecycle rule deletes it after the retention period.
     */
    private void deleteUpload(String uuid) {
        try {
            objects.delete(BucketLayout.upload(uuid));
        } catch (RuntimeException e) {
            LOG.error("Job {} ended, but its upload could not be deleted", uuid, e);
        }
    }

    /** SQS gave up on a chunk (it reached the dead-letter queue): its job fails, saying why. */
    public Optional<JobRecord> failChunk(Chunk chunk) {
        return fail(
                chunk.uuid(),
                "Pages " + (chunk.firstPage() + 1) + "-" + (chunk.lastPage() + 1) + " could not be processed"
                        + jobs.lastFailure(chunk.uuid())
                                .map(reason -> ": " + reason)
                                .orElse(""));
    }

    /**
     * A job queued on filing and not begun may wait this long in a backlog before the sweep fails it whatever the
     * queue holds: a job whose filing died between its record and its chunks has none anywhere.
     */
    static final Duration LONGEST_WAIT_IN_A_BACKLOG = Duration.ofHours(24);

    /**
     * Fails every job left pending or processing with no chunk begun for longer than {@code after} (checked again as
     * it is failed: the index it is found by lags, and a chunk may have begun since); returns how many this call
     * failed. A job queued on filing and not begun is left while chunks wait on its queue (paid accounts' or the
     * other), for up to {@link #LONGEST_WAIT_IN_A_BACKLOG}: under a backlog longer than {@code after} its chunks may
     * not have come up yet. A job that cannot be failed now (its write refused) stays unfinished for the next sweep,
     * and does not keep the others from theirs.
     */
    public int failStuck(Duration after, ChunkQueue queue) {
        String reason = "The job made no progress for " + after.toMinutes() + " minutes";
        Instant idleSince = now().minus(after);
        Instant waitingSince = now().minus(LONGEST_WAIT_IN_A_BACKLOG);
        Map<Boolean, Boolean> backlogs = new HashMap<>(); // each queue asked once a sweep
        int failed = 0;
        for (JobRecord job : jobs.unfinishedSince(idleSince)) {
            boolean mayBeWaiting =
                    job.status() == JobStatus.PENDING && job.createdAt().isAfter(waitingSince);
            if (mayBeWaiting && backlogs.computeIfAbsent(job.charge().paid(), paid -> backlog(queue, paid))) {
                continue; // its chunks may be in the backlog, waiting their turn: not stuck
            }
            try {
                Optional<JobRecord> ended =
                        fail(job, reason, 0, (idle, refund) -> jobs.failIdle(idle, refund, idleSince));
                failed += ended.isPresent() ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.error("Job {} is stuck, but could not be failed; the next sweep tries again", job.uuid(), e);
            }
        }
        return failed;
    }

    /** Whether chunks wait on the queue; a queue that cannot say is taken to have none, as before there was a backlog. */
    private static boolean backlog(ChunkQueue queue, boolean priority) {
        try {
            return queue.hasWaiting(priority);
        } catch (RuntimeException e) {
            LOG.error("The {} chunk queue could not say what waits on it", priority ? "priority" : "jobs", e);
            return false;
        }
    }

    /** The job has ended, whatever the listener makes of it: a failure to announce it is logged, not thrown. */
    private void announce(JobRecord job) {
        try {
            ended.ended(job);
        } catch (RuntimeException e) {
            LOG.error("Job {} ended, but its end could not be announced", job.uuid(), e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
