package com.ocrchat.job;

import com.ocrchat.ocr.LanguageDetection;
import com.ocrchat.ocr.MarkdownBlocks;
import com.ocrchat.ocr.MarkdownWriter;
import com.ocrchat.ocr.Page;
import com.ocrchat.ocr.Tables;
import com.ocrchat.ocr.Word;
import com.ocrchat.tools.Tools;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What recognition produced for a whole job; stored in S3 as JSON next to the job's metadata. Its
 * warnings (the pages', and the tool's) join the job's when it is done.
 */
public record JobResult(String text, String markdown, List<Page> pages, Double meanConfidence, String detectedLanguage,
                        Translation translation, List<String> warnings) {

    public JobResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The job's text, Markdown, translation and confidence from its pages, and its language as the detector reads it. */
    public static JobResult of(List<Page> pages, Job job) {
        boolean eagerTables = Tools.EXTRACT_TABLES.equals(job.tool());
        String text = pages.stream().map(Page::text).collect(Collectors.joining("\f"));
        List<String> warnings = new ArrayList<>();
        pages.forEach(page -> warnings.addAll(page.warnings()));
        if (eagerTables && pages.stream().allMatch(page -> Tables.of(page, true).isEmpty())) {
            warnings.add("No tables were found in the document: the csv export lists its text blocks instead");
        }
        return new JobResult(text, MarkdownWriter.write(pages, eagerTables), pages, meanConfidence(pages),
                LanguageDetection.iso6391(text).orElse(null), translation(pages, job.translateTo()), warnings);
    }

    /** The pages' translated Markdown joined as the job's Markdown is, and its plain text; null when not asked for. */
    private static Translation translation(List<Page> pages, String language) {
        if (language == null) {
            return null;
        }
        List<String> markdown = pages.stream().map(page -> page.translation() == null ? "" : page.translation()).toList();
        String text = markdown.stream().map(page -> String.join("\n\n", MarkdownBlocks.plainBlocks(page))).collect(Collectors.joining("\f"));
        return new Translation(language, text, MarkdownWriter.joinPages(markdown));
    }

    /** Over all recognized words, weighted by their characters; null when nothing was recognized. */
    static Double meanConfidence(List<Page> pages) {
        List<Word> words = pages.stream().flatMap(page -> page.blocks().stream())
                .flatMap(block -> block.words() == null ? java.util.stream.Stream.<Word>empty() : block.words().stream()).toList();
        java.util.OptionalDouble mean = Word.meanConfidence(words);
        return mean.isPresent() ? mean.getAsDouble() : null;
    }
}
