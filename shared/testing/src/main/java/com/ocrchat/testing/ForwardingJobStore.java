package com.ocrchat.testing;

import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobStore;
import com.ocrchat.metering.Charge;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A real job store passed through, for a test to override the one call it makes fail or race (a write that times out). */
public class ForwardingJobStore implements JobStore {
    private final JobStore real;

    public ForwardingJobStore(JobStore real) {
        this.real = real;
    }

    @Override
    public void create(JobRecord job) {
        real.create(job);
    }

    @Override
    public Optional<JobRecord> find(String uuid) {
        return real.find(uuid);
    }

    @Override
    public void markProcessing(String uuid, Instant at) {
        real.markProcessing(uuid, at);
    }

    @Override
    public void markPending(String uuid) {
        real.markPending(uuid);
    }

    @Override
    public JobRecord countChunk(String uuid, String chunkId, int pages) {
        return real.countChunk(uuid, chunkId, pages);
    }

    @Override
    public boolean finish(JobRecord done) {
        return real.finish(done);
    }

    @Override
    public boolean fail(JobRecord failed, Charge refund) {
        return real.fail(failed, refund);
    }

    @Override
    public boolean failIdle(JobRecord failed, Charge refund, Instant idleSince) {
        return real.failIdle(failed, refund, idleSince);
    }

    @Override
    public boolean failIfAbsent(JobRecord failed, Charge refund) {
        return real.failIfAbsent(failed, refund);
    }

    @Override
    public void noteFailure(String uuid, String message) {
        real.noteFailure(uuid, message);
    }

    @Override
    public Optional<String> lastFailure(String uuid) {
        return real.lastFailure(uuid);
    }

    @Override
    public List<JobRecord> unfinishedSince(Instant before) {
        return real.unfinishedSince(before);
    }

    @Override
    public List<JobRecord> endedWithCallbackSince(Instant createdAfter) {
        return real.endedWithCallbackSince(createdAfter);
    }

    @Override
    public List<JobRecord> recent(String owner, int limit) {
        return real.recent(owner, limit);
    }
}
