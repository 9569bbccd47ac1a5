package com.ocrchat.job;

import com.ocrchat.auth.Caller;
import com.ocrchat.error.NotFound;
import com.ocrchat.json.Json;
import com.ocrchat.page.Page;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.ObjectStore;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A caller's jobs as they read them. Anybody else's job, an expired one and a malformed id are all the
 * same NotFound: whether a job exists never leaks.
 */
public final class JobQueries {
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final JobStore jobs;
    private final ObjectStore objects;
    private final Clock clock;

    public JobQueries(JobStore jobs, ObjectStore objects, Clock clock) {
        this.jobs = jobs;
        this.objects = objects;
        this.clock = clock;
    }

    /** The caller's job, its record only (the stored result is not read). */
    public JobRecord find(Caller caller, String uuid) {
        String id = uuid == null ? "" : uuid.toLowerCase(Locale.ROOT);
        if (!UUID_FORM.matcher(id).matches()) {
            throw notFound(uuid);
        }
        return jobs.find(id)
                .filter(found -> found.owner().equals(caller.owner()))
                .filter(found -> found.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> notFound(uuid));
    }

    /** The caller's job as the API shows it, with its result once done. */
    public JobView view(Caller caller, String uuid) {
        JobRecord job = find(caller, uuid);
        return JobView.of(job, job.status() == JobStatus.DONE ? result(job) : null);
    }

    /** The whole stored result of a job that is done (callers check the status first). */
    public JobResult result(JobRecord job) {
        return objects.get(BucketLayout.result(job.uuid()))
                .map(bytes -> Json.read(bytes, JobResult.class))
                .orElseThrow(() -> notFound(job.uuid()));
    }

    /** A page of a caller's job. */
    public record JobPage(JobRecord job, int index) {}

    /** Page {@code page} (0-based, as the path gives it) of the caller's job. */
    public JobPage page(Caller caller, String uuid, String page) {
        JobRecord job = find(caller, uuid);
        int index;
        try {
            index = Integer.parseInt(page == null ? "" : page);
        } catch (NumberFormatException e) {
            throw new NotFound("No page '" + page + "' in job " + job.uuid());
        }
        if (index < 0 || index >= job.pageCount()) {
            throw new NotFound(
                    "No page " + index + " in job " + job.uuid() + " (pages 0 to " + (job.pageCount() - 1) + ")");
        }
        return new JobPage(job, index);
    }

    /**
     * The page as the image that was recognized, as kept (a JPEG, or a G4 TIFF for a bilevel page). A page read from
     * its own text layer has none.
     */
    public byte[] pageImage(JobPage page) {
        return objects.get(BucketLayout.pageImage(page.job().uuid(), page.index()))
                .orElseThrow(() -> new NotFound("Page " + page.index()
                        + " has no image: its text came from the PDF's own text layer, or it is not read yet"));
    }

    /** The page as read (its size is its blocks' bbox space): a worker's page as it kept it, else the job's result's. */
    public Optional<Page> readPage(JobPage page) {
        Optional<Page> kept = new PageResults(objects).find(page.job().uuid(), page.index());
        if (kept.isPresent() || page.job().status() != JobStatus.DONE) {
            return kept;
        }
        List<Page> pages = result(page.job()).pages();
        return page.index() < pages.size() ? Optional.of(pages.get(page.index())) : Optional.empty();
    }

    private static NotFound notFound(String uuid) {
        return new NotFound("No job with id '" + uuid + "'");
    }
}
