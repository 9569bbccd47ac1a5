package com.ocrchat.aws;

import com.ocrchat.settings.Env;
import java.util.Optional;

/** The chunk queues: one for free and anonymous jobs, one for paid accounts' (the jobs queue when there is no second). */
public record Queues(Optional<String> jobsQueueUrl, Optional<String> priorityQueueUrl) {

    public static Queues from(Env env) {
        return new Queues(env.optional("OCRCHAT_JOBS_QUEUE_URL"), env.optional("OCRCHAT_PRIORITY_QUEUE_URL"));
    }

    public String jobs() {
        return jobsQueueUrl.orElseThrow(
                () -> new IllegalStateException("OCRCHAT_JOBS_QUEUE_URL is not set: large jobs have nowhere to go"));
    }

    public String priority() {
        return priorityQueueUrl.orElseGet(this::jobs);
    }
}
