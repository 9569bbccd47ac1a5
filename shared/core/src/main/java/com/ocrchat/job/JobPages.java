package com.ocrchat.job;

import com.ocrchat.language.Languages;
import com.ocrchat.observe.Stages;
import com.ocrchat.page.Page;
import java.util.List;

/**
 * Reading a job's pages, the same for the inline path and the chunk workers: pages of the job's file
 * read as its options ask, and the job's result made from all of its pages.
 */
public final class JobPages {
    private final DocumentReader reader;
    private final Languages languages;

    public JobPages(DocumentReader reader, Languages languages) {
        this.reader = reader;
        this.languages = languages;
    }

    public DocumentReader.OpenDocument open(byte[] file) {
        return reader.open(file);
    }

    /** The Tesseract models the options' language names (invalid input when unknown or not installed). */
    public String models(JobOptions options) {
        return languages.resolve(options.language());
    }

    /** Pages {@code from} (inclusive) to {@code to} (exclusive) of the job's opened file. */
    public List<Page> read(DocumentReader.OpenDocument document, JobRecord job, int from, int to) {
        return document.read(job, models(job.options()), from, to);
    }

    /** The job's result from every one of its pages, in order. */
    public JobResult assemble(JobRecord job, List<Page> pages) {
        String language = reader.detectLanguage(JobResult.text(pages)).orElse(null);
        return Stages.time(Stages.ASSEMBLY, -1, () -> JobResult.of(pages, job.options(), language));
    }
}
