package com.ocrchat.export;

import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobResult;
import com.ocrchat.job.JobView;
import com.ocrchat.json.Json;
import com.ocrchat.store.PageImages;

/** The job object as GET returns it, plus the word-level detail of every block. */
final class JsonExporter implements Exporter {
    @Override
    public byte[] export(JobRecord job, JobResult result, PageImages images) {
        return Json.writeBytes(JobView.withWords(job, result));
    }
}
