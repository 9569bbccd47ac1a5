package com.ocrchat.job;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.language.Languages;
import com.ocrchat.observe.Stages;
import com.ocrchat.page.Page;
import java.util.List;

/**
 * Reading a job's pages, the same for the inline path and the chunk workers: pages of the job's file
 * read as its options ask, and the job's result made from all of its pages.
 */
public final class JobPages {
    /**
     * Words one job's result may hold: its result, its exports and the job view are each made whole in memory, and
     * past about 2 million words the largest (ALTO) no longer fits the download function. A 500-page book has about
     * 250,000.
     */
    public static final int MOST_WORDS = 1_000_000;

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

    /** The job's result from every one of its pages, in order; a client error past {@link #MOST_WORDS}. */
    public JobResult assemble(JobRecord job, List<Page> pages) {
        long words = 0;
        for (Page page : pages) {
            words = countWords(words, page);
        }
        String language = reader.detectLanguage(JobResult.text(pages)).orElse(null);
        return Stages.time(Stages.ASSEMBLY, -1, () -> JobResult.of(pages, job.options(), language));
    }

    /** The words of the pages before and this one's; past {@link #MOST_WORDS}, the job is refused. */
    static long countWords(long before, Page page) {
        long words = before;
        for (var block : page.blocks()) {
            words += block.words() == null ? 0 : block.words().size();
        }
        if (words > MOST_WORDS) {
            throw new LimitExceeded(
                    "The file's pages hold more than " + MOST_WORDS + " words by page " + (page.index() + 1)
                            + ", more than one result of this server holds; send it in parts",
                    java.util.Map.of("page", page.index() + 1, "max_words_per_job", MOST_WORDS));
        }
        return words;
    }
}
