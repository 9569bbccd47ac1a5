package com.ocrchat.job;

/** Told once when a job ends (done or failed), by the caller whose conditional write ended it. */
public interface JobEndListener {
    JobEndListener NONE = job -> {};

    void ended(JobRecord job);
}
