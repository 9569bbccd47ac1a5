package com.ocrchat.job;

import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.OcrChatException;
import com.ocrchat.error.Unauthenticated;
import com.ocrchat.metering.Charge;
import com.ocrchat.metering.Meter;
import com.ocrchat.metering.Plans;
import com.ocrchat.page.Page;
import com.ocrchat.settings.JobFlow;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.ObjectStore;
import com.ocrchat.tools.ToolCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * POST /api/v1/ocr/ in the product's words: the choices are validated, the file opened (its type from
 * the bytes) and its pages counted against the plan's per-file cap, the credits reserved, the file
 * stored and the job filed. A short file is read at once, within the inline deadline; a long one, or a
 * short one that outlasts the deadline, goes to the workers in chunks.
 */
public final class Submissions {
    private static final Logger LOG = LoggerFactory.getLogger(Submissions.class);

    /** What the deployment allows and prices: the tools, the vlm fallback, the plans, the job flow, retention. */
    public record Rules(ToolCatalog tools, boolean vlmFallsBackToCpu, Plans plans, JobFlow flow, Duration retention) {}

    /** The job as it stands when the answer goes out; {@code failure} when it failed on our side while being read. */
    public record Submitted(JobView job, OcrChatException failure) {}

    private final JobLifecycle lifecycle;
    private final JobPages pages;
    private final Meter meter;
    private final ObjectStore objects;
    private final ChunkQueue queue;
    private final Uploads uploads;
    private final UserUrls userUrls;
    private final Rules rules;
    private final Clock clock;
    private final PageResults results;
    /** Past the inline deadline the answer (a 202) waits at most 5 s more: API Gateway gives a request 30 s. */
    private final DeadlineReading inlineReading = new DeadlineReading("inline-reader", Duration.ofSeconds(5));

    public Submissions(
            JobLifecycle lifecycle,
            JobPages pages,
            Meter meter,
            ObjectStore objects,
            ChunkQueue queue,
            Uploads uploads,
            UserUrls userUrls,
            Rules rules,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.pages = pages;
        this.meter = meter;
        this.objects = objects;
        this.queue = queue;
        this.uploads = uploads;
        this.userUrls = userUrls;
        this.rules = rules;
        this.clock = clock;
        this.results = new PageResults(objects);
    }

    public Submitted submit(Caller caller, SubmitRequest request) {
        return submit(caller, request, uuid -> {});
    }

    /** As {@link #submit(Caller, SubmitRequest)}, telling {@code filed} the job's id as soon as it is filed. */
    public Submitted submit(Caller caller, SubmitRequest request, Consumer<String> filed) {
        try {
            return accept(caller, request, filed);
        } catch (OcrChatException e) {
            if (e.clientCaused()) {
                request.uploadId().ifPresent(id -> discardUpload(caller, id)); // a refused upload is not kept
            }
            throw e;
        }
    }

    private Submitted accept(Caller caller, SubmitRequest request, Consumer<String> filed) {
        // The inline deadline counts from here: time spent fetching a url or an upload is part of the answer's wait.
        long receivedAt = System.nanoTime();
        JobOptions.Decided decided = JobOptions.decide(
                request.options(), rules.tools(), rules.vlmFallsBackToCpu(), caller.plan() != Plan.ANONYMOUS);
        String callbackUrl = callbackUrl(caller, request);
        SubmittedFile file = file(caller, request);
        pages.models(decided.options());
        try (DocumentReader.OpenDocument document = pages.open(file.bytes())) {
            int pageCount = document.pageCount();
            checkPerFileCap(caller, pageCount);
            Charge charge = meter.reserve(
                    caller,
                    (long) pageCount
                            * rules.plans().creditsPerPage(decided.options().tier()));
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            String uuid = UUID.randomUUID().toString();
            MDC.put("job_id", uuid);
            String filename = file.filename().isBlank() ? "document." + document.extension() : file.filename();
            boolean queued = pageCount > rules.flow().inlinePageLimit();
            JobRecord job = JobRecord.accepted(
                    uuid,
                    caller.owner(),
                    decided.options(),
                    decided.warnings(),
                    filename,
                    pageCount,
                    charge,
                    queued,
                    now,
                    now.plus(rules.retention()),
                    callbackUrl);
            try {
                objects.put(BucketLayout.upload(uuid), file.bytes(), document.mediaType());
                lifecycle.open(job);
            } catch (RuntimeException e) {
                boolean filedAfterAll;
                try {
                    filedAfterAll = lifecycle.filedAfterAll(job, "The job could not be filed");
                } catch (RuntimeException settling) {
                    // The store is down: a job filed after all is left to the sweep; one never filed keeps its
                    // reservation, as nothing records it.
                    e.addSuppressed(settling);
                    throw e;
                }
                if (!filedAfterAll) {
                    throw e;
                }
            }
            try {
                filed.accept(uuid);
            } catch (RuntimeException e) { // the Idempotency-Key not settled: a retry files anew, so this job ends now
                try {
                    lifecycle.fail(job, "The job could not be recorded against its Idempotency-Key");
                } catch (RuntimeException alsoFailed) { // the store is down: the sweep ends the job later
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
            request.uploadId().ifPresent(id -> discardUpload(caller, id));
            return queued ? handOver(job) : readInline(document, job, caller, receivedAt);
        }
    }

    /**
     * The upload a job was filed from, or that was refused, no longer needed: best effort, as the answer stands whatever
     * the store says (a failed delete made a 400 a 500; the bucket's lifecycle rule removes leftovers after a day).
     */
    private void discardUpload(Caller caller, String uploadId) {
        try {
            uploads.discard(caller, uploadId);
        } catch (RuntimeException e) {
            LOG.error("The upload {} could not be deleted", uploadId, e);
        }
    }

    /** Webhooks are signed with the account's secret: an anonymous caller has none. */
    private String callbackUrl(Caller caller, SubmitRequest request) {
        if (request.callbackUrl().isEmpty()) {
            return null;
        }
        if (caller.plan() == Plan.ANONYMOUS) {
            throw new Unauthenticated(
                    "callback_url needs an account token: webhooks are signed with the account's secret");
        }
        return userUrls.callback(request.callbackUrl().get());
    }

    /** The document from wherever the request says it is: exactly one of file, upload_id and url. */
    private SubmittedFile file(Caller caller, SubmitRequest request) {
        int named = (request.file().isPresent() ? 1 : 0)
                + (request.uploadId().isPresent() ? 1 : 0)
                + (request.url().isPresent() ? 1 : 0);
        if (named > 1) {
            throw new InvalidInput("Send the document one way: 'file', 'upload_id' or 'url', not several");
        }
        return request.uploadId()
                .map(id -> uploads.take(caller, id))
                .or(() -> request.url().map(userUrls::fetch))
                .or(request::file)
                .orElseThrow(() -> new InvalidInput(
                        "No file: send the document as the multipart form field 'file', or its address as 'url', or"
                                + " upload it first (POST /api/v1/uploads/) and send its 'upload_id'"));
    }

    /** The job's chunks on the queue (paid accounts' on the priority queue), answered at once. */
    private Submitted handOver(JobRecord job) {
        try {
            queue.send(
                    Chunk.split(job.uuid(), job.pageCount(), rules.flow().chunkPages()),
                    job.charge().paid());
        } catch (RuntimeException e) {
            lifecycle.fail(job, "The job could not be queued");
            throw e;
        }
        return new Submitted(JobView.of(job, null), null);
    }

    private Submitted readInline(DocumentReader.OpenDocument document, JobRecord job, Caller caller, long receivedAt) {
        try {
            Optional<List<Page>> read = inlineReading.read(
                    () -> pages.read(document, job, 0, job.pageCount()),
                    receivedAt + rules.flow().inlineDeadline().toNanos(),
                    job.uuid());
            if (read.isEmpty()) {
                // Not finished in time for the HTTP answer: the workers read the rest from the stored file.
                results.keep(job.uuid(), document.finishedPages());
                LOG.info(
                        "Job {} passed the inline deadline of {} s; handed to the workers",
                        job.uuid(),
                        rules.flow().inlineDeadline().toSeconds());
                return handOver(lifecycle.handOver(job));
            }
            JobResult result = pages.assemble(job, read.get());
            JobRecord done = lifecycle
                    .finish(job, result)
                    .orElseThrow(
                            () -> new IllegalStateException("Job " + job.uuid() + " was finished by someone else"));
            return new Submitted(JobView.of(done, result), null);
        } catch (OcrChatException e) {
            if (e.clientCaused()) {
                // The client's file (say, a corrupt page): answered as such, the pages read before it charged.
                JobRecord failed = lifecycle
                        .failClientCaused(job, e.getMessage(), document.pagesReadBefore(e))
                        .orElse(job);
                throw e.with("job", job.uuid()).with("credits_charged", failed.creditsCharged());
            }
            JobRecord failed = lifecycle.fail(job, e.getMessage()).orElse(job);
            LOG.error("Job {} failed in the engine", job.uuid(), e);
            return new Submitted(JobView.of(failed, null), e);
        } catch (RuntimeException e) {
            lifecycle.fail(job, "The job failed inside the service");
            throw e;
        }
    }

    /** A file with more pages than the caller's plan takes in one file is refused before anything is reserved. */
    private void checkPerFileCap(Caller caller, int pageCount) {
        Plans plans = rules.plans();
        int cap = plans.maxPagesPerFile(caller.plan());
        if (pageCount <= cap) {
            return;
        }
        String lift = switch (caller.plan()) {
            case ANONYMOUS ->
                " A free account takes " + plans.freeMaxPagesPerFile() + " pages per file, a paid one "
                        + plans.paidMaxPagesPerFile() + ".";
            case FREE -> " A paid plan takes " + plans.paidMaxPagesPerFile() + " pages per file.";
            case PAID -> "";
        };
        throw new LimitExceeded(
                "The file has " + pageCount + " pages; the " + caller.plan().id() + " plan takes at most " + cap
                        + " per file." + lift,
                Map.of(
                        "page_count",
                        pageCount,
                        "cap",
                        cap,
                        "plan",
                        caller.plan().id()));
    }
}
