package com.ocrchat.job;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.language.Languages;
import com.ocrchat.observe.Stages;
import com.ocrchat.page.Page;
import java.util.List;
import java.util.Map;

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

    /** Characters one job's result may hold: a word may be long (a page's /ActualText, a ToUnicode range's). */
    public static final int MOST_CHARACTERS = 10_000_000;

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
        Tally tally = new Tally();
        pages.forEach(tally::add);
        String language = reader.detectLanguage(JobResult.text(pages)).orElse(null);
        return Stages.time(Stages.ASSEMBLY, -1, () -> JobResult.of(pages, job.options(), language));
    }

    /** The words and characters of a job's pages so far; past {@link #MOST_WORDS} or {@link #MOST_CHARACTERS}, refused. */
    static final class Tally {
        private long words;
        private long characters;

        void add(Page page) {
            for (var block : page.blocks()) {
                words += block.words() == null ? 0 : block.words().size();
            }
            characters += page.text() == null ? 0 : page.text().length();
            if (words > MOST_WORDS || characters > MOST_CHARACTERS) {
                throw new LimitExceeded(
                        "The file holds more text than one result of this server holds (more than "
                                + (words > MOST_WORDS ? MOST_WORDS + " words" : MOST_CHARACTERS + " characters")
                                + " by page " + (page.index() + 1) + "); send it in parts",
                        Map.of(
                                "page",
                                page.index() + 1,
                                "max_words_per_job",
                                MOST_WORDS,
                                "max_characters_per_job",
                                MOST_CHARACTERS));
            }
        }
    }
}
