package com.ocrchat.export;

import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobResult;
import com.ocrchat.store.PageImages;

/**
 * Makes one download format from a finished job and its whole result, word boxes included; page
 * images (for formats that need them) come from {@link PageImages}.
 */
public interface Exporter {
    byte[] export(JobRecord job, JobResult result, PageImages images);
}
