package com.ocrchat.job;

import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.concurrent.DaemonThreads;
import com.ocrchat.http.ApiException;
import com.ocrchat.http.MultipartForm;
import com.ocrchat.http.UploadedFile;
import com.ocrchat.export.PageImages;
import com.ocrchat.json.Json;
import com.ocrchat.metering.Charge;
import com.ocrchat.metering.Meter;
import com.ocrchat.metering.PlanLimits;
import com.ocrchat.ocr.Document;
import com.ocrchat.ocr.DocumentLimits;
import com.ocrchat.ocr.Documents;
import com.ocrchat.ocr.Languages;
import com.ocrchat.ocr.OcrFailure;
import com.ocrchat.ocr.Page;
import com.ocrchat.settings.Settings;
import com.ocrchat.store.ObjectStore;
import com.ocrchat.tools.Tools;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits documents and answers for jobs. A submission is validated (fields, type from the bytes,
 * pages, the plan's per-file cap), its credits reserved, stored in S3, filed as a job in DynamoDB,
 * recognized page by page, and its result stored in S3; the upload itself is deleted once processed.
 * A job that fails gets its credits back.
 */
public final class JobService {
    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The HTTP status to answer with, and the job. */
    public record Submitted(int status, Job job) {
    }

    private final Settings settings;
    private final ObjectStore objects;
    private final JobStore jobs;
    private final Recognizer recognizer;
    private final JobOptions.Capabilities capabilities;
    private final Languages languages;
    private final Meter meter;
    private final PageImages pageImages;
    private final ChunkQueue chunkQueue;
    private final Uploads uploads;
    private final Clock clock;
    private final ExecutorService inlineReaders = Executors.newCachedThreadPool(DaemonThreads.named("inline-reader"));

    public JobService(Settings settings, ObjectStore objects, JobStore jobs, Recognizer recognizer, Tools tools, Languages languages,
                      Meter meter, ChunkQueue chunkQueue, Uploads uploads, Clock clock) {
        this.settings = settings;
        this.meter = meter;
        this.chunkQueue = chunkQueue;
        this.uploads = uploads;
        this.pageImages = new PageImages(objects);
        this.objects = objects;
        this.jobs = jobs;
        this.recognizer = recognizer;
        this.capabilities = new JobOptions.Capabilities(tools, recognizer.vlmConfigured(), recognizer.translationConfigured(),
                settings.vlmFallbackToCpu);
        this.languages = languages;
        this.clock = clock;
    }

    public Submitted submit(Caller caller, MultipartForm form) {
        JobOptions options = JobOptions.from(form, capabilities);
        Optional<String> uploadId = form.field("upload_id");
        UploadedFile file = uploadId.map(id -> uploads.take(caller, id)).or(() -> form.file("file")).orElseThrow(() ->
                ApiException.badRequest("No file: send the document as the multipart form field 'file', or upload it first "
                        + "(POST /api/v1/uploads/) and send its 'upload_id'"));
        String models = languages.resolve(options.language());
        DocumentLimits limits = new DocumentLimits(settings.maxPixelsPerPage, settings.pdfDpi);
        try (Document document = Documents.open(file.bytes(), limits)) {
            int pageCount = document.pageCount();
            checkPerFileCap(caller, pageCount);
            long credits = (long) pageCount * (JobOptions.VLM.equals(options.tier()) ? settings.vlmCreditsPerPage : settings.cpuCreditsPerPage);
            Charge charge = meter.reserve(caller, credits);
            Instant now = now();
            String uuid = UUID.randomUUID().toString();
            String filename = file.filename().isBlank()
                    ? "document." + document.type().name().toLowerCase(Locale.ROOT) : file.filename();
            boolean queued = pageCount > settings.inlinePageLimit;
            Job job = new Job(uuid, queued ? JobStatus.PENDING : JobStatus.PROCESSING, options.tier(), options.requestedTier(),
                    options.language(), null, options.tool(), filename, pageCount, 0, null, (int) credits, now, null,
                    now.plus(settings.retention), "", "", null, List.of(), options.warnings(), null, caller.owner(), charge.balanceKey(),
                    options.translateTo() == null ? null : options.translateTo().code());
            if (queued) {
                Submitted submitted = enqueue(job, charge, file, document.type().mediaType(), caller);
                uploadId.ifPresent(id -> uploads.discard(caller, id));
                return submitted;
            }
            boolean done = false;
            boolean handedOver = false;
            try {
                objects.put(JobKeys.upload(uuid), file.bytes(), document.type().mediaType());
                jobs.create(job);
                Optional<List<Page>> read = readInline(document, job, models);
                if (read.isEmpty()) {
                    // Not finished in time for the HTTP answer: the workers read it from the stored upload.
                    chunkQueue.send(chunks(job), caller.plan() == Plan.PAID);
                    handedOver = true;
                    uploadId.ifPresent(id -> uploads.discard(caller, id));
                    LOG.info("Job {} passed the inline deadline of {} s; handed to the workers", uuid, settings.inlineDeadline.toSeconds());
                    return new Submitted(202, job.forResponse());
                }
                List<Page> pages = read.get();
                JobResult result = JobResult.of(pages, job);
                objects.put(JobKeys.result(uuid), Json.writeBytes(result), "application/json");
                Job finished = job.done(result, now());
                jobs.save(finished);
                done = true;
                uploadId.ifPresent(id -> uploads.discard(caller, id));
                return new Submitted(200, finished.withResult(result).forResponse());
            } catch (ApiException e) {
                // A page turned out unreadable (say, a corrupt PDF page): the client's file, so a 400.
                fail(job, e.getMessage());
                throw e;
            } catch (OcrFailure e) {
                LOG.error("Job {} failed in the OCR engine", uuid, e);
                return new Submitted(e.upstream() ? 502 : 500, fail(job, e.getMessage()));
            } catch (RuntimeException e) {
                fail(job, "The job failed inside the service");
                throw e;
            } finally {
                if (!done && !handedOver) {
                    meter.refund(charge);
                }
                if (!handedOver) {
                    objects.delete(JobKeys.upload(uuid));
                }
            }
        }
    }

    /**
     * The pages, read on another thread so that the request can stop waiting: past
     * {@code OCRCHAT_INLINE_DEADLINE_SECONDS} the reading is interrupted (its pages stop, see ParallelPages)
     * and nothing is returned, so the caller hands the job to the workers.
     */
    private Optional<List<Page>> readInline(Document document, Job job, String models) {
        CountDownLatch stopped = new CountDownLatch(1);
        Future<List<Page>> reading = inlineReaders.submit(() -> {
            try {
                return recognizer.read(document, job, models, 0, job.pageCount(), pageImages.sinkFor(job.uuid()));
            } finally {
                stopped.countDown();
            }
        });
        try {
            try {
                return Optional.of(reading.get(settings.inlineDeadline.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                if (!reading.cancel(true)) {
                    return Optional.of(reading.get()); // finished just now
                }
                // A model call or a Tesseract page in flight may take a moment to stop; the workers do not wait longer.
                if (!stopped.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("Job {}: the inline reading had not stopped {} s after the deadline", job.uuid(), STOP_GRACE.toSeconds());
                }
                return Optional.empty();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new OcrFailure("Recognition failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            throw new OcrFailure("Interrupted while recognizing", e);
        }
    }

    private List<Chunk> chunks(Job job) {
        List<Chunk> chunks = new ArrayList<>();
        for (int first = 0; first < job.pageCount(); first += settings.chunkPages) {
            chunks.add(new Chunk(job.uuid(), first, Math.min(job.pageCount(), first + settings.chunkPages) - 1));
        }
        return chunks;
    }

    /**
     * A file of more pages than are recognized inline: stored, filed as pending, and split into chunks
     * for the OCR workers (paid accounts' on the priority queue); answered with a 202 at once.
     */
    private Submitted enqueue(Job job, Charge charge, UploadedFile file, String mediaType, Caller caller) {
        try {
            objects.put(JobKeys.upload(job.uuid()), file.bytes(), mediaType);
            jobs.create(job);
            chunkQueue.send(chunks(job), caller.plan() == Plan.PAID);
            return new Submitted(202, job.forResponse());
        } catch (RuntimeException e) {
            fail(job, "The job could not be queued");
            meter.refund(charge);
            objects.delete(JobKeys.upload(job.uuid()));
            throw e;
        }
    }

    /** A file with more pages than the caller's plan takes in one file is refused before anything is reserved. */
    private void checkPerFileCap(Caller caller, int pageCount) {
        PlanLimits limits = PlanLimits.of(caller.plan(), settings);
        if (pageCount <= limits.maxPagesPerFile()) {
            return;
        }
        String lift = switch (caller.plan()) {
            case ANONYMOUS -> " A free account takes " + settings.freeMaxPagesPerFile + " pages per file, a paid one "
                    + settings.paidMaxPagesPerFile + ".";
            case FREE -> " A paid plan takes " + settings.paidMaxPagesPerFile + " pages per file.";
            case PAID -> "";
        };
        throw new ApiException(400, "The file has " + pageCount + " pages; the " + caller.plan().id() + " plan takes at most "
                + limits.maxPagesPerFile() + " per file." + lift,
                Map.of("page_count", pageCount, "cap", limits.maxPagesPerFile(), "plan", caller.plan().id()));
    }

    private Job fail(Job job, String message) {
        Job failed = job.failed(message, now());
        try {
            jobs.save(failed);
        } catch (RuntimeException e) {
            LOG.error("Could not record job {} as failed", job.uuid(), e);
        }
        return failed;
    }

    /** The caller's job as the API shows it, with its result once done. */
    public Job get(Caller caller, String uuid) {
        return withDetail(caller, uuid).forResponse();
    }

    /**
     * The caller's job with its whole stored result, word boxes included (for exports); anybody else's
     * job is as unknown as a missing one.
     */
    public Job withDetail(Caller caller, String uuid) {
        Job job = find(caller, uuid);
        if (job.status() != JobStatus.DONE) {
            return job;
        }
        JobResult result = objects.get(JobKeys.result(job.uuid())).map(bytes -> Json.read(bytes, JobResult.class))
                .orElseThrow(() -> notFound(uuid));
        return job.withResult(result);
    }

    /** The caller's job, its metadata only (the stored result is not read); otherwise a 404. */
    public Job find(Caller caller, String uuid) {
        String id = uuid == null ? "" : uuid.toLowerCase(Locale.ROOT);
        if (!UUID_FORM.matcher(id).matches()) {
            throw notFound(uuid);
        }
        return jobs.find(id)
                .filter(found -> found.owner().equals(caller.owner()))
                .filter(found -> found.expiresAt().isAfter(now()))
                .orElseThrow(() -> notFound(uuid));
    }

    private static ApiException notFound(String uuid) {
        return ApiException.notFound("No job with id '" + uuid + "'");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
