package com.ocrchat.testing;

import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobStatus;
import com.ocrchat.job.JobStore;
import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.metering.Charge;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Job records in a map, every conditional move under one lock: the same contract as the jobs table. A failed job's
 * refund goes to {@code ledger} before the job is stored as failed, so a refund that throws leaves the job unfailed.
 */
public final class InMemoryJobStore implements JobStore {
    private final BalanceLedger ledger;
    private final Map<String, JobRecord> jobs = new HashMap<>();
    private final Map<String, Set<String>> chunksDone = new HashMap<>();
    private final Map<String, String> lastFailures = new HashMap<>();
    private final Map<String, Instant> progressedAt = new HashMap<>();

    public InMemoryJobStore(BalanceLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public synchronized void create(JobRecord job) {
        if (jobs.putIfAbsent(job.uuid(), job) != null) {
            throw new IllegalStateException("Job " + job.uuid() + " exists already");
        }
    }

    @Override
    public synchronized Optional<JobRecord> find(String uuid) {
        return Optional.ofNullable(jobs.get(uuid));
    }

    @Override
    public synchronized void markProcessing(String uuid, Instant at) {
        JobRecord job = jobs.get(uuid);
        if (job != null && !job.status().isFinished()) {
            progressedAt.put(uuid, at);
        }
        if (job != null && job.status() == JobStatus.PENDING) {
            jobs.put(uuid, with(job, JobStatus.PROCESSING, job.pagesDone()));
        }
    }

    @Override
    public synchronized void markPending(String uuid) {
        JobRecord job = jobs.get(uuid);
        if (job != null && job.status() == JobStatus.PROCESSING && !progressedAt.containsKey(uuid)) {
            jobs.put(uuid, with(job, JobStatus.PENDING, job.pagesDone()));
        }
    }

    @Override
    public synchronized JobRecord countChunk(String uuid, String chunkId, int pages) {
        JobRecord job = jobs.get(uuid);
        if (job == null) {
            throw new IllegalStateException("Job " + uuid + " is gone");
        }
        if (chunksDone.computeIfAbsent(uuid, id -> new HashSet<>()).add(chunkId)) {
            job = with(job, job.status(), job.pagesDone() + pages);
            jobs.put(uuid, job);
        }
        return job;
    }

    @Override
    public synchronized boolean finish(JobRecord done) {
        return moveFromUnfinished(done);
    }

    @Override
    public synchronized boolean fail(JobRecord failed, Charge refund) {
        return failIdle(failed, refund, Instant.MAX);
    }

    @Override
    public synchronized boolean failIfAbsent(JobRecord failed, Charge refund) {
        if (jobs.containsKey(failed.uuid())) {
            return false;
        }
        ledger.refund(refund);
        jobs.put(failed.uuid(), failed);
        return true;
    }

    @Override
    public synchronized boolean failIdle(JobRecord failed, Charge refund, Instant idleSince) {
        JobRecord current = jobs.get(failed.uuid());
        Instant progressed = progressedAt.get(failed.uuid());
        if (current == null
                || current.status().isFinished()
                || (progressed != null && !progressed.isBefore(idleSince))) {
            return false;
        }
        ledger.refund(refund);
        return moveFromUnfinished(current.failed(
                failed.error(), failed.completedAt(), failed.charge().credits()));
    }

    @Override
    public synchronized void noteFailure(String uuid, String message) {
        if (jobs.containsKey(uuid)) {
            lastFailures.put(uuid, message);
        }
    }

    @Override
    public synchronized Optional<String> lastFailure(String uuid) {
        return Optional.ofNullable(lastFailures.get(uuid));
    }

    @Override
    public synchronized List<JobRecord> unfinishedSince(Instant before) {
        return jobs.values().stream()
                .filter(job -> !job.status().isFinished()
                        && job.createdAt().isBefore(before)
                        && progressedAt
                                .getOrDefault(job.uuid(), job.createdAt())
                                .isBefore(before))
                .toList();
    }

    @Override
    public synchronized List<JobRecord> endedWithCallbackSince(Instant createdAfter) {
        return jobs.values().stream()
                .filter(job -> job.status().isFinished()
                        && job.callbackUrl() != null
                        && job.createdAt().isAfter(createdAfter))
                .toList();
    }

    @Override
    public synchronized List<JobRecord> recent(String owner, int limit) {
        return jobs.values().stream()
                .filter(job -> job.owner().equals(owner))
                .sorted(Comparator.comparing(JobRecord::createdAt).reversed())
                .limit(limit)
                .toList();
    }

    private boolean moveFromUnfinished(JobRecord next) {
        JobRecord current = jobs.get(next.uuid());
        if (current == null || current.status().isFinished()) {
            return false;
        }
        jobs.put(next.uuid(), next);
        return true;
    }

    private static JobRecord with(JobRecord job, JobStatus status, int pagesDone) {
        Charge charge = job.charge();
        return new JobRecord(
                job.uuid(),
                job.owner(),
                status,
                job.options(),
                job.filename(),
                job.pageCount(),
                pagesDone,
                charge,
                job.createdAt(),
                job.completedAt(),
                job.expiresAt(),
                job.detectedLanguage(),
                job.meanConfidence(),
                job.warnings(),
                job.error(),
                job.callbackUrl());
    }
}
