package com.ocrchat.job;

import com.ocrchat.error.OcrChatException;
import com.ocrchat.json.Json;
import com.ocrchat.page.Page;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workers' part of a large job. A chunk's pages are read and each page's result written as its own
 * object (a redelivered chunk overwrites, never duplicates); then the chunk is counted into
 * {@code pages_done} once, and whoever sees the last page counted assembles the result. A page the
 * client got wrong fails the job at once (retrying cannot help); a fault of ours is noted on the job
 * and thrown, so SQS retries the chunk and, if it gives up, the dead-letter consumer fails the job.
 */
public final class ChunkWorker {
    private final JobStore jobs;
    private final JobLifecycle lifecycle;
    private final JobPages pages;
    private final ObjectStore objects;
    private final JobMetrics metrics;

    public ChunkWorker(JobStore jobs, JobLifecycle lifecycle, JobPages pages, ObjectStore objects, JobMetrics metrics) {
        this.jobs = jobs;
        this.lifecycle = lifecycle;
        this.pages = pages;
        this.objects = objects;
        this.metrics = metrics;
    }

    public void process(Chunk chunk) {
        Optional<JobRecord> found = jobs.find(chunk.uuid());
        if (found.isEmpty() || found.get().status().isFinished()) {
            return; // Failed by another chunk, finished, or expired: nothing left to do.
        }
        JobRecord job = found.get();
        lifecycle.start(job.uuid());
        byte[] upload = objects.get(BucketLayout.upload(job.uuid()))
                .orElseThrow(() -> new IllegalStateException("The upload of job " + job.uuid() + " is missing"));
        List<Page> read;
        try (DocumentReader.OpenDocument document = pages.open(upload)) {
            read = pages.read(document, job, chunk.firstPage(), chunk.lastPage() + 1);
        } catch (OcrChatException e) {
            if (e.clientCaused()) {
                lifecycle.fail(job, e.getMessage());
                return;
            }
            jobs.noteFailure(job.uuid(), e.getMessage());
            metrics.chunkRetried();
            throw e;
        }
        for (Page page : read) {
            objects.put(BucketLayout.pageResult(job.uuid(), page.index()), Json.writeBytes(page), "application/json");
        }
        JobRecord counted = jobs.countChunk(job.uuid(), chunk.id(), chunk.pages());
        if (counted.pagesDone() >= counted.pageCount() && !counted.status().isFinished()) {
            List<Page> all = new ArrayList<>();
            for (int index = 0; index < counted.pageCount(); index++) {
                int page = index;
                all.add(Json.read(
                        objects.get(BucketLayout.pageResult(job.uuid(), page))
                                .orElseThrow(() -> new IllegalStateException(
                                        "Page " + page + " of job " + job.uuid() + " is missing")),
                        Page.class));
            }
            lifecycle.finish(counted, pages.assemble(counted, all));
        }
    }
}
