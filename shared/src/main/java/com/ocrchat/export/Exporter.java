package com.ocrchat.export;

import com.ocrchat.job.Job;

/**
 * Makes one download format from a finished job. The job carries its whole result, word boxes
 * included; page images (for formats that need them) come from {@link PageImages}.
 */
public interface Exporter {
    byte[] export(Job job, PageImages images);
}
