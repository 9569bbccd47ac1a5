package com.ocrchat.metering;

import com.ocrchat.auth.Plan;
import com.ocrchat.settings.Env;
import com.ocrchat.tools.Tier;

/**
 * The plans and prices: what each plan allows (anonymous callers per source IP and UTC day, free
 * accounts per UTC month, paid accounts their bought credits) and pages per file, and what a page
 * costs on each tier, and how many presigned uploads an anonymous IP may ask for per day. Allowances and balances count credits; a cpu page costs 1 by default.
 */
public record Plans(
        long anonymousDailyCredits,
        int anonymousMaxPagesPerFile,
        long freeMonthlyCredits,
        int freeMaxPagesPerFile,
        int paidMaxPagesPerFile,
        int cpuCreditsPerPage,
        int vlmCreditsPerPage,
        int anonymousDailyUploads) {

    public static Plans from(Env env) {
        return new Plans(
                env.integer("OCRCHAT_ANONYMOUS_DAILY_PAGES", 10, 0),
                env.integer("OCRCHAT_ANONYMOUS_MAX_PAGES_PER_FILE", 5, 1),
                env.integer("OCRCHAT_FREE_MONTHLY_PAGES", 100, 0),
                env.integer("OCRCHAT_FREE_MAX_PAGES_PER_FILE", 20, 1),
                env.integer("OCRCHAT_PAID_MAX_PAGES_PER_FILE", 500, 1),
                env.integer("OCRCHAT_CPU_CREDITS_PER_PAGE", 1, 0),
                env.integer("OCRCHAT_VLM_CREDITS_PER_PAGE", 5, 0),
                env.integer("OCRCHAT_ANONYMOUS_DAILY_UPLOADS", 20, 0));
    }

    public int maxPagesPerFile(Plan plan) {
        return switch (plan) {
            case ANONYMOUS -> anonymousMaxPagesPerFile;
            case FREE -> freeMaxPagesPerFile;
            case PAID -> paidMaxPagesPerFile;
        };
    }

    /** The renewing allowance of anonymous and free callers; paid accounts spend bought credits instead (0 here). */
    public long allowance(Plan plan) {
        return switch (plan) {
            case ANONYMOUS -> anonymousDailyCredits;
            case FREE -> freeMonthlyCredits;
            case PAID -> 0;
        };
    }

    public int creditsPerPage(Tier tier) {
        return tier == Tier.VLM ? vlmCreditsPerPage : cpuCreditsPerPage;
    }
}
