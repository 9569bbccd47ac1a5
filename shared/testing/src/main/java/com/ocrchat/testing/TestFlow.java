package com.ocrchat.testing;

import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.job.ChunkWorker;
import com.ocrchat.job.Idempotency;
import com.ocrchat.job.JobEndListener;
import com.ocrchat.job.JobLifecycle;
import com.ocrchat.job.JobMetrics;
import com.ocrchat.job.JobOptions;
import com.ocrchat.job.JobPages;
import com.ocrchat.job.JobQueries;
import com.ocrchat.job.JobStore;
import com.ocrchat.job.JobView;
import com.ocrchat.job.Submissions;
import com.ocrchat.job.SubmitRequest;
import com.ocrchat.job.SubmittedFile;
import com.ocrchat.job.Uploads;
import com.ocrchat.job.UserUrls;
import com.ocrchat.language.Languages;
import com.ocrchat.metering.Meter;
import com.ocrchat.metering.Plans;
import com.ocrchat.settings.Env;
import com.ocrchat.settings.JobFlow;
import com.ocrchat.store.ObjectStore;
import com.ocrchat.tools.ToolCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The whole job flow on in-memory stores and the do-nothing engine: what the services' unit tests run against. */
public final class TestFlow {
    public final InMemoryObjectStore objects = new InMemoryObjectStore();
    public final InMemoryAccounts accounts = new InMemoryAccounts();
    public final CountingLedger ledger = new CountingLedger(accounts);
    public final InMemoryJobStore jobs = new InMemoryJobStore(ledger);
    public final InMemoryChunkQueue queue = new InMemoryChunkQueue();
    public final TextDocuments engine = new TextDocuments();
    public final Plans plans = Plans.from(Env.of(Map.of()));
    public final Meter meter;
    /** The documents at URLs, for {@code url} submissions (the real fetching is tested against a real server). */
    public final Map<String, byte[]> web = new java.util.concurrent.ConcurrentHashMap<>();

    public final Idempotency idempotency;
    public final JobLifecycle lifecycle;
    public final JobPages pages;
    public final Uploads uploads;
    public final Submissions submissions;
    public final ChunkWorker worker;
    public final JobQueries queries;

    public TestFlow() {
        this(Clock.systemUTC());
    }

    public TestFlow(Clock clock) {
        this(clock, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** With the services seeing {@link #jobs} through {@code seenAs} (a store whose writes time out, say). */
    public TestFlow(Clock clock, UnaryOperator<JobStore> seenAs) {
        this(clock, seenAs, UnaryOperator.identity());
    }

    /** With the services seeing {@link #jobs} and {@link #objects} through these (a store that fails a call). */
    public TestFlow(Clock clock, UnaryOperator<JobStore> jobsSeenAs, UnaryOperator<ObjectStore> objectsSeenAs) {
        this(clock, jobsSeenAs, objectsSeenAs, JobFlow.from(Env.of(Map.of())));
    }

    /** As above, with inline reading and chunking set by {@code jobFlow} (a short inline deadline, say). */
    public TestFlow(
            Clock clock,
            UnaryOperator<JobStore> jobsSeenAs,
            UnaryOperator<ObjectStore> objectsSeenAs,
            JobFlow jobFlow) {
        JobStore jobs = jobsSeenAs.apply(this.jobs);
        ObjectStore objects = objectsSeenAs.apply(this.objects);
        meter = new Meter(ledger, plans, clock);
        lifecycle = new JobLifecycle(jobs, objects, JobMetrics.NONE, JobEndListener.NONE, clock);
        pages = new JobPages(engine, new Languages(Set.of("eng")));
        idempotency = new Idempotency(new InMemoryIdempotencyStore(), clock);
        uploads = new Uploads(objects, ledger, 1 << 20, 3, idempotency, clock);
        submissions = new Submissions(
                lifecycle,
                pages,
                meter,
                objects,
                queue,
                uploads,
                new UserUrls() {
                    @Override
                    public SubmittedFile fetch(String url) {
                        return java.util.Optional.ofNullable(web.get(url))
                                .map(bytes -> new SubmittedFile(url.substring(url.lastIndexOf('/') + 1), bytes))
                                .orElseThrow(() -> new InvalidInput("The url answered HTTP 404"));
                    }

                    @Override
                    public String callback(String url) {
                        if (!url.startsWith("https://")) {
                            throw new InvalidInput("This callback_url is not allowed: The URL must be https://");
                        }
                        return url;
                    }
                },
                new Submissions.Rules(new ToolCatalog(false, false), true, plans, jobFlow, Duration.ofDays(7)),
                clock);
        worker = new ChunkWorker(jobs, lifecycle, pages, objects, queue, JobMetrics.NONE);
        queries = new JobQueries(jobs, objects, clock);
    }

    /** A submission of a text document of these pages, in English, by {@code caller}. */
    public JobView submit(Caller caller, String... pages) {
        return submissions
                .submit(
                        caller,
                        new SubmitRequest(
                                new JobOptions.Requested(
                                        Optional.empty(), Optional.of("en"), Optional.empty(), Optional.empty()),
                                Optional.of(new SubmittedFile("doc.txt", TextDocuments.of(pages))),
                                Optional.empty(),
                                java.util.Optional.empty(),
                                java.util.Optional.empty()))
                .job();
    }

    public Caller paid(long credits) {
        AccountStore.Created created = accounts.create(Plan.PAID, credits);
        return Caller.of(created.account(), "192.0.2.7");
    }
}
