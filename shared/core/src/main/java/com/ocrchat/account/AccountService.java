package com.ocrchat.account;

import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Caller;
import com.ocrchat.job.JobStore;
import com.ocrchat.metering.Balance;
import com.ocrchat.metering.Meter;
import com.ocrchat.metering.Plans;
import com.ocrchat.tools.Tier;
import java.util.Map;

/** What an account holder sees of their account. */
public final class AccountService {
    private static final int RECENT_JOBS = 20;

    private final Meter meter;
    private final JobStore jobs;
    private final AccountStore accounts;
    private final Plans plans;

    public AccountService(Meter meter, JobStore jobs, AccountStore accounts, Plans plans) {
        this.meter = meter;
        this.jobs = jobs;
        this.accounts = accounts;
        this.plans = plans;
    }

    public AccountOverview overview(Caller caller) {
        Balance balance = meter.balance(caller);
        return new AccountOverview(
                caller.accountId(),
                caller.plan().id(),
                balance.used(),
                balance.cap(),
                balance.remaining(),
                balance.resetsAt(),
                plans.maxPagesPerFile(caller.plan()),
                Map.of(Tier.CPU.id(), plans.creditsPerPage(Tier.CPU), Tier.VLM.id(), plans.creditsPerPage(Tier.VLM)),
                jobs.recent(caller.owner(), RECENT_JOBS).stream()
                        .map(job -> new AccountOverview.RecentJob(
                                job.uuid(),
                                job.status().id(),
                                job.filename(),
                                job.pageCount(),
                                job.creditsCharged(),
                                job.createdAt()))
                        .toList(),
                caller.isAnonymous() ? null : accounts.webhookSecret(caller.accountId()));
    }
}
