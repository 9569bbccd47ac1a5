package com.ocrchat.account;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GET /api/v1/account/: the plan, where the balance stands ({@code used} of {@code cap} credits,
 * {@code remaining}, and {@code resets_at} for allowances that renew), the plan's limits, and the
 * most recent jobs; {@code webhook_secret}, which signs the account's webhooks (Standard Webhooks).
 */
@JsonPropertyOrder({
    "account_id",
    "plan",
    "used",
    "cap",
    "remaining",
    "resets_at",
    "max_pages_per_file",
    "credits_per_page",
    "recent_jobs",
    "webhook_secret"
})
public record AccountOverview(
        String accountId,
        String plan,
        long used,
        long cap,
        long remaining,
        Instant resetsAt,
        int maxPagesPerFile,
        Map<String, Integer> creditsPerPage,
        List<RecentJob> recentJobs,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        String webhookSecret) {

    @JsonPropertyOrder({"uuid", "status", "filename", "page_count", "credits_charged", "created_at"})
    public record RecentJob(
            String uuid, String status, String filename, int pageCount, int creditsCharged, Instant createdAt) {}
}
