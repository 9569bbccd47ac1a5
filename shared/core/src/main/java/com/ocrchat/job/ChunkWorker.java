package com.ocrchat.job;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.OcrChatException;
import com.ocrchat.page.Page;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workers' part of a large job. A chunk's pages not kept yet are read and each page's result written as
 * its own object (a redelivered chunk overwrites, never duplicates; pages the inline reading finished are
 * not read again); then the chunk is counted into
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
    private final PageResults results;

    public ChunkWorker(JobStore jobs, JobLifecycle lifecycle, JobPages pages, ObjectStore objects, JobMetrics metrics) {
        this.jobs = jobs;
        this.lifecycle = lifecycle;
        this.pages = pages;
        this.objects = objects;
        this.metrics = metrics;
        this.results = new PageResults(objects);
    }

    public void process(Chunk chunk) {
        Optional<JobRecord> found = jobs.find(chunk.uuid());
        if (found.isEmpty() || found.get().status().isFinished()) {
            return; // Failed by another chunk, finished, or expired: nothing left to do.
        }
        JobRecord job = found.get();
        lifecycle.start(job.uuid());
        List<Integer> unread = new ArrayList<>();
        for (int index = chunk.firstPage(); index <= chunk.lastPage(); index++) {
            if (!results.has(job.uuid(), index)) {
                unread.add(index); // pages the inline reading finished before its deadline are not read again
            }
        }
        if (!unread.isEmpty()) {
            Optional<List<Page>> read = read(job, unread);
            if (read.isEmpty()) {
                return; // the client's file failed the job: retrying cannot help
            }
            results.keep(job.uuid(), read.get());
        }
        JobRecord counted = jobs.countChunk(job.uuid(), chunk.id(), chunk.pages());
        if (counted.pagesDone() >= counted.pageCount() && !counted.status().isFinished()) {
            try {
                lifecycle.finish(counted, pages.assemble(counted, results.all(job.uuid(), counted.pageCount())));
            } catch (LimitExceeded tooLarge) { // the client's file: every page was read, and is charged
                lifecycle.failClientCaused(counted, tooLarge.getMessage(), counted.pageCount());
            }
        }
    }

    /**
     * The job's pages at these indexes (ascending), read a run of consecutive pages at a time; empty when a
     * fault in the client's file failed the job. A fault of ours is noted on the job and thrown.
     */
    private Optional<List<Page>> read(JobRecord job, List<Integer> indexes) {
        byte[] upload = objects.get(BucketLayout.upload(job.uuid()))
                .orElseThrow(() -> new IllegalStateException("The upload of job " + job.uuid() + " is missing"));
        DocumentReader.OpenDocument document = null;
        try {
            document = pages.open(upload);
            List<Page> read = new ArrayList<>();
            int run = 0;
            while (run < indexes.size()) {
                int end = run;
                while (end + 1 < indexes.size() && indexes.get(end + 1) == indexes.get(end) + 1) {
                    end++;
                }
                read.addAll(pages.read(document, job, indexes.get(run), indexes.get(end) + 1));
                run = end + 1;
            }
            return Optional.of(read);
        } catch (OcrChatException e) {
            if (e.clientCaused()) {
                // Charged for the pages read: those of the chunks counted so far and this chunk's before the fault.
                int pagesRead = job.pagesDone() + (document == null ? 0 : document.pagesReadBefore(e));
                lifecycle.failClientCaused(job, e.getMessage(), pagesRead);
                return Optional.empty();
            }
            jobs.noteFailure(job.uuid(), e.getMessage());
            metrics.chunkRetried();
            throw e;
        } finally {
            if (document != null) {
                document.close();
            }
        }
    }
}
