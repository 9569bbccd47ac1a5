package com.ocrchat.export;

import com.ocrchat.job.Job;
import com.ocrchat.json.Json;

/** The job object as GET returns it, plus the word-level detail of every block. */
final class JsonExporter implements Exporter {
    @Override
    public byte[] export(Job job, PageImages images) {
        return Json.writeBytes(job);
    }
}
