package com.ocrchat.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.ocrchat.page.Page;
import com.ocrchat.tools.Tier;
import com.ocrchat.tools.Tool;
import java.time.Instant;
import java.util.List;

/**
 * The job object of the API contract. A field added here is added to {@link #of} too, and nowhere else.
 * While the job is not done, {@code text}, {@code markdown} and {@code pages} are empty.
 */
@JsonPropertyOrder({
    "uuid",
    "status",
    "tier",
    "requested_tier",
    "language",
    "detected_language",
    "tool",
    "filename",
    "page_count",
    "pages_done",
    "mean_confidence",
    "credits_charged",
    "created_at",
    "completed_at",
    "expires_at",
    "text",
    "markdown",
    "translation",
    "pages",
    "warnings",
    "error",
    "callback_url"
})
public record JobView(
        String uuid,
        JobStatus status,
        Tier tier,
        Tier requestedTier,
        String language,
        String detectedLanguage,
        Tool tool,
        String filename,
        int pageCount,
        int pagesDone,
        Double meanConfidence,
        int creditsCharged,
        Instant createdAt,
        Instant completedAt,
        Instant expiresAt,
        String text,
        String markdown,
        @JsonInclude(JsonInclude.Include.NON_NULL) Translation translation,
        List<Page> pages,
        List<String> warnings,
        String error,
        @JsonInclude(JsonInclude.Include.NON_NULL) String callbackUrl) {

    /**
     * The job as GET shows it: blocks without their words (the json export has those, see {@link #withWords}), and as
     * much of the result as one response carries ({@link ResponseFit}).
     */
    public static JobView of(JobRecord job, JobResult result) {
        return ResponseFit.of(withWords(
                job,
                result == null
                        ? null
                        : new JobResult(
                                result.text(),
                                result.markdown(),
                                result.pages().stream().map(Page::withoutWords).toList(),
                                result.meanConfidence(),
                                result.detectedLanguage(),
                                result.translation(),
                                result.warnings())));
    }

    /** The job with its whole result, every block's words included. */
    public static JobView withWords(JobRecord job, JobResult result) {
        return new JobView(
                job.uuid(),
                job.status(),
                job.options().tier(),
                job.options().requestedTier(),
                job.options().language(),
                result != null ? result.detectedLanguage() : job.detectedLanguage(),
                job.options().tool(),
                job.filename(),
                job.pageCount(),
                Math.min(job.pagesDone(), job.pageCount()), // a chunk counted twice around the finish shows no more
                result != null ? result.meanConfidence() : job.meanConfidence(),
                job.creditsCharged(),
                job.createdAt(),
                job.completedAt(),
                job.expiresAt(),
                result == null ? "" : result.text(),
                result == null ? "" : result.markdown(),
                result == null ? null : result.translation(),
                result == null ? List.of() : result.pages(),
                job.warnings(),
                job.error(),
                job.callbackUrl());
    }
}
