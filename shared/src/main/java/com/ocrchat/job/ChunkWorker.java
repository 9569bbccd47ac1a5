package com.ocrchat.job;

import com.ocrchat.export.PageImages;
import com.ocrchat.json.Json;
import com.ocrchat.metering.Charge;
import com.ocrchat.metering.Meter;
import com.ocrchat.ocr.Document;
import com.ocrchat.ocr.DocumentLimits;
import com.ocrchat.ocr.Documents;
import com.ocrchat.ocr.Languages;
import com.ocrchat.ocr.OcrFailure;
import com.ocrchat.ocr.Page;
import com.ocrchat.settings.Settings;
import com.ocrchat.store.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCR worker's logic for large jobs. A chunk's pages are recognized and each page's result written
 * as its own object (a redelivered chunk overwrites, never duplicates); then the chunk is counted into
 * {@code pages_done} once, and whoever sees the last page counted assembles the result. A conditional
 * write lets exactly one writer mark the job done. A chunk that SQS gave up on, or a job that stays
 * unfinished too long, fails the job and gives its credits back, once.
 */
public final class ChunkWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkWorker.class);

    private final Settings settings;
    private final ObjectStore objects;
    private final JobStore jobs;
    private final Recognizer recognizer;
    private final Languages languages;
    private final Meter meter;
    private final PageImages pageImages;
    private final Clock clock;

    public ChunkWorker(Settings settings, ObjectStore objects, JobStore jobs, Recognizer recognizer, Languages languages, Meter meter, Clock clock) {
        this.settings = settings;
        this.objects = objects;
        this.jobs = jobs;
        this.recognizer = recognizer;
        this.languages = languages;
        this.meter = meter;
        this.pageImages = new PageImages(objects);
        this.clock = clock;
    }

    public void process(Chunk chunk) {
        Optional<Job> found = jobs.find(chunk.uuid());
        if (found.isEmpty() || found.get().status().isFinished()) {
            return; // Failed by another chunk, finished, or expired: nothing left to do.
        }
        Job job = found.get();
        jobs.markProcessing(job.uuid());
        byte[] upload = objects.get(JobKeys.upload(job.uuid()))
                .orElseThrow(() -> new IllegalStateException("The upload of job " + job.uuid() + " is missing"));
        try (Document document = Documents.open(upload, new DocumentLimits(settings.maxPixelsPerPage, settings.pdfDpi))) {
            List<Page> pages;
            try {
                pages = recognizer.read(document, job, languages.resolve(job.language()), chunk.firstPage(), chunk.lastPage() + 1,
                        pageImages.sinkFor(job.uuid()));
            } catch (OcrFailure e) {
                jobs.noteFailure(job.uuid(), e.getMessage()); // SQS retries the chunk; if it gives up, the job says why.
                throw e;
            }
            for (Page page : pages) {
                objects.put(JobKeys.pageResult(job.uuid(), page.index()), Json.writeBytes(page), "application/json");
            }
        }
        Job counted = jobs.countChunk(job.uuid(), chunk.id(), chunk.pages());
        if (counted.pagesDone() >= counted.pageCount() && !counted.status().isFinished()) {
            assemble(counted);
        }
    }

    private void assemble(Job job) {
        List<Page> pages = new ArrayList<>();
        for (int index = 0; index < job.pageCount(); index++) {
            int page = index;
            pages.add(Json.read(objects.get(JobKeys.pageResult(job.uuid(), page))
                    .orElseThrow(() -> new IllegalStateException("Page " + page + " of job " + job.uuid() + " is missing")), Page.class));
        }
        JobResult result = JobResult.of(pages, job);
        objects.put(JobKeys.result(job.uuid()), Json.writeBytes(result), "application/json");
        if (jobs.finish(job.done(result, now()))) {
            objects.delete(JobKeys.upload(job.uuid()));
            LOG.info("Job {} done: {} pages", job.uuid(), job.pageCount());
        }
    }

    /** SQS gave up on this chunk (it reached the dead-letter queue). */
    public void failDead(Chunk chunk) {
        fail(chunk.uuid(), "Pages " + (chunk.firstPage() + 1) + "-" + (chunk.lastPage() + 1) + " could not be processed"
                + jobs.lastFailure(chunk.uuid()).map(reason -> ": " + reason).orElse(""));
    }

    /** Fails the jobs left pending or processing for longer than the stuck-job timeout; returns how many. */
    public int failStuck() {
        List<Job> stuck = jobs.unfinishedSince(now().minus(settings.stuckJobAfter));
        stuck.forEach(job -> fail(job.uuid(), "The job did not finish within " + settings.stuckJobAfter.toMinutes() + " minutes"));
        return stuck.size();
    }

    private void fail(String uuid, String message) {
        Optional<Job> job = jobs.find(uuid);
        if (job.isPresent() && jobs.fail(uuid, message, now())) {
            meter.refund(new Charge(job.get().chargeKey(), job.get().creditsCharged()));
            objects.delete(JobKeys.upload(uuid));
            LOG.warn("Job {} failed: {}", uuid, message);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
