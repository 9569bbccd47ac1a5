package com.ocrchat.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.ocrchat.ocr.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The job object of the API contract. Its metadata lives in DynamoDB; {@code text}, {@code markdown}
 * and {@code pages} come from the stored result and are empty until the job is done. {@code owner}
 * (whose job it is) and {@code chargeKey} (the balance its credits were reserved on) never leave the service.
 */
@JsonPropertyOrder({"uuid", "status", "tier", "requested_tier", "language", "detected_language", "tool", "filename",
        "page_count", "pages_done", "mean_confidence", "credits_charged", "created_at", "completed_at", "expires_at",
        "text", "markdown", "translation", "pages", "warnings", "error"})
public record Job(
        String uuid,
        JobStatus status,
        String tier,
        String requestedTier,
        String language,
        String detectedLanguage,
        String tool,
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
        @JsonIgnore String owner,
        @JsonIgnore String chargeKey,
        @JsonIgnore String translateTo) {

    public Job withResult(JobResult result) {
        return new Job(uuid, status, tier, requestedTier, language, result.detectedLanguage(), tool, filename, pageCount,
                pagesDone, result.meanConfidence(), creditsCharged, createdAt, completedAt, expiresAt, result.text(),
                result.markdown(), result.translation(), result.pages(), warnings, error, owner, chargeKey, translateTo);
    }

    public Job done(JobResult result, Instant at) {
        return new Job(uuid, JobStatus.DONE, tier, requestedTier, language, result.detectedLanguage(), tool, filename,
                pageCount, pageCount, result.meanConfidence(), creditsCharged, createdAt, at, expiresAt, "", "", null, List.of(),
                merged(warnings, result.warnings()), null, owner, chargeKey, translateTo);
    }

    public Job failed(String message, Instant at) {
        return new Job(uuid, JobStatus.FAILED, tier, requestedTier, language, detectedLanguage, tool, filename, pageCount,
                pagesDone, null, 0, createdAt, at, expiresAt, "", "", null, List.of(), warnings, message, owner, chargeKey, translateTo);
    }

    /** As the API shows it: word-level detail stays in the stored result. */
    public Job forResponse() {
        return new Job(uuid, status, tier, requestedTier, language, detectedLanguage, tool, filename, pageCount, pagesDone,
                meanConfidence, creditsCharged, createdAt, completedAt, expiresAt, text, markdown, translation,
                pages.stream().map(Page::withoutWords).toList(), warnings, error, owner, chargeKey, translateTo);
    }

    private static List<String> merged(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        second.stream().filter(warning -> !all.contains(warning)).forEach(all::add);
        return List.copyOf(all);
    }
}
