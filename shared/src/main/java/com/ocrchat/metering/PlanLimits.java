package com.ocrchat.metering;

import com.ocrchat.auth.Plan;
import com.ocrchat.settings.Settings;

/**
 * What a plan allows, from the deployment settings. Allowances and balances are counted in credits;
 * a {@code cpu} page costs {@link Settings#cpuCreditsPerPage} (1 by default), so an allowance of
 * 10 credits is 10 cpu pages.
 */
public record PlanLimits(Plan plan, long allowance, int maxPagesPerFile) {

    public static PlanLimits of(Plan plan, Settings settings) {
        return switch (plan) {
            case ANONYMOUS -> new PlanLimits(plan, settings.anonymousDailyPages, settings.anonymousMaxPagesPerFile);
            case FREE -> new PlanLimits(plan, settings.freeMonthlyPages, settings.freeMaxPagesPerFile);
            // A paid account's allowance is its credit balance, not a setting.
            case PAID -> new PlanLimits(plan, 0, settings.paidMaxPagesPerFile);
        };
    }

    /** How the plan's allowance renews: daily for anonymous callers, monthly for free accounts, never for credits. */
    public String window() {
        return switch (plan) {
            case ANONYMOUS -> "day";
            case FREE -> "month";
            case PAID -> "credits";
        };
    }
}
