package com.ocrchat.testing;

import com.ocrchat.job.JobOptions;
import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobResult;
import com.ocrchat.job.JobStatus;
import com.ocrchat.metering.Charge;
import com.ocrchat.page.MarkdownWriter;
import com.ocrchat.page.Page;
import com.ocrchat.tools.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Jobs as the stores hold them, for tests that need one without submitting a file. */
public final class TestJobs {
    public static final JobOptions CPU = new JobOptions(Tier.CPU, Tier.CPU, "auto", null, null);

    private TestJobs() {}

    /** A finished cpu job of {@code pages} pages, owned by {@code owner}, charged one credit a page to a paid account. */
    public static JobRecord done(String uuid, String owner, String filename, int pages) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new JobRecord(
                uuid,
                owner,
                JobStatus.DONE,
                CPU,
                filename,
                pages,
                pages,
                Charge.ofCredits("test-account", pages),
                now,
                now,
                now.plus(Duration.ofDays(7)),
                null,
                null,
                List.of(),
                null,
                null);
    }

    /** A job accepted a moment ago and not finished, in {@code status}. */
    public static JobRecord unfinished(
            String uuid, String owner, JobStatus status, int pages, Charge charge, Instant createdAt) {
        return new JobRecord(
                uuid,
                owner,
                status,
                CPU,
                "document.pdf",
                pages,
                0,
                charge,
                createdAt,
                null,
                createdAt.plus(Duration.ofDays(7)),
                null,
                null,
                List.of(),
                null,
                null);
    }

    /** The result of these pages, as a job's would be. */
    public static JobResult result(List<Page> pages) {
        return new JobResult(JobResult.text(pages), MarkdownWriter.write(pages), pages, null, null, null, List.of());
    }
}
