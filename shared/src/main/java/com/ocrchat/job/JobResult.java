package com.ocrchat.job;

import com.ocrchat.ocr.Block;
import com.ocrchat.ocr.LanguageDetection;
import com.ocrchat.ocr.MarkdownWriter;
import com.ocrchat.ocr.Page;
import com.ocrchat.ocr.Word;
import java.util.List;
import java.util.stream.Collectors;

/** What recognition produced for a whole job; stored in S3 as JSON next to the job's metadata. */
public record JobResult(String text, String markdown, List<Page> pages, Double meanConfidence, String detectedLanguage) {

    /** The job's text, Markdown and confidence from its pages, and its language as the detector reads it. */
    public static JobResult of(List<Page> pages) {
        String text = pages.stream().map(Page::text).collect(Collectors.joining("\f"));
        return new JobResult(text, MarkdownWriter.write(pages), pages, meanConfidence(pages),
                LanguageDetection.iso6391(text).orElse(null));
    }

    /** Over all recognized words, weighted by their characters; null when nothing was recognized. */
    static Double meanConfidence(List<Page> pages) {
        double weighted = 0;
        long characters = 0;
        for (Page page : pages) {
            for (Block block : page.blocks()) {
                for (Word word : block.words() == null ? List.<Word>of() : block.words()) {
                    int length = word.text().codePointCount(0, word.text().length());
                    weighted += word.confidence() * length;
                    characters += length;
                }
            }
        }
        return characters == 0 ? null : Math.round(weighted / characters * 1000) / 1000.0;
    }
}
