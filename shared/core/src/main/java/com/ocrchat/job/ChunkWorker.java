package com.ocrchat.job;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.OcrChatException;
import com.ocrchat.error.RecognitionFailure;
import com.ocrchat.page.Page;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.ObjectStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers' part of a large job. A chunk's pages not kept yet are read and each page's result written as
 * its own object (a redelivered chunk overwrites, never duplicates; pages the inline reading finished are
 * not read again); then the chunk is counted into
 * {@code pages_done} once, and whoever sees the last page counted assembles the result. A page the
 * client got wrong fails the job at once (retrying cannot help); a fault of ours is noted on the job
 * and thrown, so SQS retries the chunk and, if it gives up, the dead-letter consumer fails the job. A chunk not read
 * within the worker's time keeps the pages it finished and is queued again for the rest, before the worker is stopped
 * (a stopped worker's chunk would come back only after the queue's visibility timeout, and count as a failure).
 */
public final class ChunkWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkWorker.class);

    private final JobStore jobs;
    private final JobLifecycle lifecycle;
    private final JobPages pages;
    private final ObjectStore objects;
    private final ChunkQueue queue;
    private final JobMetrics metrics;
    private final PageResults results;
    /** A reading past the worker's time is given longer to stop than the engine gives a page (10 s). */
    private final DeadlineReading reading = new DeadlineReading("chunk-reader", Duration.ofSeconds(15));

    public ChunkWorker(
            JobStore jobs,
            JobLifecycle lifecycle,
            JobPages pages,
            ObjectStore objects,
            ChunkQueue queue,
            JobMetrics metrics) {
        this.jobs = jobs;
        this.lifecycle = lifecycle;
        this.pages = pages;
        this.objects = objects;
        this.queue = queue;
        this.metrics = metrics;
        this.results = new PageResults(objects);
    }

    /** The chunk, with all the time it takes (a worker that is never stopped). */
    public void process(Chunk chunk) {
        process(chunk, Duration.ofDays(1));
    }

    /** The chunk, its pages read for at most {@code readingTime}; what is left then is queued again. */
    public void process(Chunk chunk, Duration readingTime) {
        long deadline = System.nanoTime() + Math.max(0, readingTime.toNanos());
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
        if (!unread.isEmpty() && !read(job, chunk, unread, deadline)) {
            return; // the client's file failed the job, or the rest of the chunk is queued again
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
     * Reads and keeps the job's pages at these indexes (ascending), a run of consecutive pages at a time: true when all
     * were read. False when a fault in the client's file failed the job, or when the time ran out: the pages finished
     * are kept and the chunk queued again (a run that finished none is a fault of ours, retried as such). A fault of
     * ours is noted on the job and thrown.
     */
    private boolean read(JobRecord job, Chunk chunk, List<Integer> indexes, long deadline) {
        byte[] upload = objects.get(BucketLayout.upload(job.uuid()))
                .orElseThrow(() -> new IllegalStateException("The upload of job " + job.uuid() + " is missing"));
        DocumentReader.OpenDocument document = null;
        try {
            document = pages.open(upload);
            DocumentReader.OpenDocument opened = document;
            Optional<List<Page>> read = reading.read(() -> readRuns(opened, job, indexes), deadline, job.uuid());
            if (read.isPresent()) {
                results.keep(job.uuid(), read.get());
                return true;
            }
            List<Page> finished = document.finishedPages();
            if (finished.isEmpty()) {
                throw new RecognitionFailure("No page of chunk " + chunk.id() + " was read in the worker's time");
            }
            results.keep(job.uuid(), finished);
            queue.send(List.of(chunk), job.charge().paid());
            LOG.info(
                    "Job {}: chunk {} ran out of the worker's time with {} of {} pages read; queued again for the rest",
                    job.uuid(),
                    chunk.id(),
                    finished.size(),
                    indexes.size());
            return false;
        } catch (OcrChatException e) {
            if (e.clientCaused()) {
                // Charged for the pages read: those of the chunks counted so far and this chunk's before the fault,
                // kept by an earlier reading (the inline one, or a run out of time) or read in this one.
                int pagesRead = jobs.find(job.uuid()).orElse(job).pagesDone() // other chunks counted meanwhile
                        + keptBefore(chunk, indexes, e)
                        + (document == null ? 0 : document.pagesReadBefore(e));
                lifecycle.failClientCaused(job, e.getMessage(), pagesRead);
                return false;
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

    /** This chunk's pages kept before this reading ({@code unread}: the others) that come before the page a fault names. */
    private static int keptBefore(Chunk chunk, List<Integer> unread, OcrChatException fault) {
        int end = DocumentReader.faultPage(fault).orElse(chunk.lastPage() + 1);
        return (int) IntStream.range(chunk.firstPage(), Math.min(end, chunk.lastPage() + 1))
                .filter(index -> !unread.contains(index))
                .count();
    }

    private List<Page> readRuns(DocumentReader.OpenDocument document, JobRecord job, List<Integer> indexes) {
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
        return read;
    }
}
