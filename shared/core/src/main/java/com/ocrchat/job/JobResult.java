package com.ocrchat.job;

import com.ocrchat.page.MarkdownBlocks;
import com.ocrchat.page.MarkdownWriter;
import com.ocrchat.page.Page;
import com.ocrchat.page.Tables;
import com.ocrchat.page.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * What recognition produced for a whole job, stored in the bucket as JSON beside the job's record. Its
 * warnings (the pages', and the tool's) join the job's when it is done.
 */
public record JobResult(
        String text,
        String markdown,
        List<Page> pages,
        Double meanConfidence,
        String detectedLanguage,
        Translation translation,
        List<String> warnings) {

    public JobResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The job's text, Markdown, translation and confidence from its pages, with the language a detector read in the text. */
    public static JobResult of(List<Page> pages, JobOptions options, String detectedLanguage) {
        boolean eagerTables = options.eagerTables();
        List<String> warnings = new ArrayList<>();
        pages.forEach(page -> warnings.addAll(page.warnings()));
        if (eagerTables && pages.stream().allMatch(page -> Tables.of(page, true).isEmpty())) {
            warnings.add("No tables were found in the document: the csv export lists its text blocks instead");
        }
        return new JobResult(
                text(pages),
                MarkdownWriter.write(pages, eagerTables),
                pages,
                meanConfidence(pages),
                detectedLanguage,
                options.translateTo() == null
                        ? null
                        : translation(pages, options.translateTo().code()),
                warnings);
    }

    /** The pages' text, separated by form feeds. */
    public static String text(List<Page> pages) {
        return pages.stream().map(Page::text).collect(Collectors.joining("\f"));
    }

    /** The pages' translated Markdown joined as the job's Markdown is, and its plain text. */
    private static Translation translation(List<Page> pages, String language) {
        List<String> markdown = pages.stream()
                .map(page -> page.translation() == null ? "" : page.translation())
                .toList();
        String text = markdown.stream()
                .map(page -> String.join("\n\n", MarkdownBlocks.plainBlocks(page)))
                .collect(Collectors.joining("\f"));
        return new Translation(language, text, MarkdownWriter.joinPages(markdown));
    }

    /** Over all recognized words, weighted by their characters; null when nothing was recognized. */
    static Double meanConfidence(List<Page> pages) {
        List<Word> words = pages.stream()
                .flatMap(page -> page.blocks().stream())
                .flatMap(
                        block -> block.words() == null ? java.util.stream.Stream.<Word>empty() : block.words().stream())
                .toList();
        OptionalDouble mean = Word.meanConfidence(words);
        return mean.isPresent() ? mean.getAsDouble() : null;
    }
}
