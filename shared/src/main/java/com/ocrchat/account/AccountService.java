package com.ocrchat.account;

import com.ocrchat.auth.Caller;
import com.ocrchat.job.JobStore;
import com.ocrchat.metering.Balance;
import com.ocrchat.metering.Meter;
import com.ocrchat.metering.PlanLimits;
import com.ocrchat.settings.Settings;
import java.util.Map;

/** What an account holder sees of their account. */
public final class AccountService {
    private static final int RECENT_JOBS = 20;

    private final Settings settings;
    private final Meter meter;
    private final JobStore jobs;

    public AccountService(Settings settings, Meter meter, JobStore jobs) {
        this.settings = settings;
        this.meter = meter;
        this.jobs = jobs;
    }

    public AccountOverview overview(Caller caller) {
        Balance balance = meter.balance(caller);
        return new AccountOverview(caller.accountId(), caller.plan().id(), balance.used(), balance.cap(), balance.remaining(),
                balance.resetsAt(), PlanLimits.of(caller.plan(), settings).maxPagesPerFile(),
                Map.of("cpu", settings.cpuCreditsPerPage, "vlm", settings.vlmCreditsPerPage),
                jobs.recent(caller.owner(), RECENT_JOBS).stream()
                        .map(job -> new AccountOverview.RecentJob(job.uuid(), job.status().id(), job.filename(), job.pageCount(),
                                job.creditsCharged(), job.createdAt()))
                        .toList());
    }
}
