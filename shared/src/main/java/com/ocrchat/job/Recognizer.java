package com.ocrchat.job;

import com.ocrchat.concurrent.DaemonThreads;
import com.ocrchat.model.ModelFailure;
import com.ocrchat.ocr.Document;
import com.ocrchat.ocr.MarkdownWriter;
import com.ocrchat.ocr.OcrFailure;
import com.ocrchat.ocr.OcrPipeline;
import com.ocrchat.ocr.Page;
import com.ocrchat.ocr.ParallelPages;
import com.ocrchat.tools.Tools;
import com.ocrchat.translate.TargetLanguage;
import com.ocrchat.translate.Translator;
import com.ocrchat.vlm.VisionEngine;
import com.ocrchat.vlm.VisionPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads a job's pages with the engine its tier names (Tesseract for cpu; the vision engine with the
 * tool's prompt for vlm, every page rendered, text layer or not) and translates them when the job asks.
 * Vision and translation calls wait on a provider, so they run on their own threads, as many as the
 * model concurrency setting allows, beside the cpu engine's one per core.
 */
public final class Recognizer {
    private final OcrPipeline cpu;
    private final Optional<VisionEngine> vision;
    private final OcrPipeline vlm;
    private final Optional<Translator> translator;
    private final ExecutorService translating;

    public Recognizer(OcrPipeline cpu, Optional<VisionEngine> vision, Optional<Translator> translator, int modelConcurrency) {
        this.cpu = cpu;
        this.vision = vision;
        this.translator = translator;
        this.vlm = vision.map(engine -> new OcrPipeline(engine, modelConcurrency)).orElse(null);
        this.translating = Executors.newFixedThreadPool(modelConcurrency, DaemonThreads.named("translator"));
    }

    public boolean vlmConfigured() {
        return vision.isPresent();
    }

    public boolean translationConfigured() {
        return translator.isPresent();
    }

    /** Pages {@code from} (inclusive) to {@code to} (exclusive) of the job's document, read and, if asked, translated. */
    public List<Page> read(Document document, Job job, String models, int from, int to, OcrPipeline.PageSink sink) {
        List<Page> pages;
        if (JobOptions.VLM.equals(job.tier())) {
            VisionEngine engine = vision.orElseThrow(() -> new OcrFailure("The job asks for the vlm tier, which is not configured here"));
            pages = vlm.recognize(document, engine.withPrompt(prompt(job.tool())), false, models, from, to, sink);
        } else {
            pages = cpu.recognize(document, models, from, to, sink);
        }
        return job.translateTo() == null ? pages : translated(pages, job);
    }

    private static VisionPrompt prompt(String tool) {
        if (Tools.HANDWRITING_TO_TEXT.equals(tool)) {
            return VisionPrompt.HANDWRITING;
        }
        return Tools.MATH_TO_LATEX.equals(tool) ? VisionPrompt.MATH : VisionPrompt.TRANSCRIBE;
    }

    private List<Page> translated(List<Page> pages, Job job) {
        Translator using = translator.orElseThrow(() -> new OcrFailure("The job asks for a translation, which is not configured here"));
        TargetLanguage target = TargetLanguage.parse(job.translateTo());
        boolean eagerTables = Tools.EXTRACT_TABLES.equals(job.tool());
        List<Callable<Page>> tasks = new ArrayList<>();
        for (Page page : pages) {
            tasks.add(() -> {
                Translator.Translated translated = using.translate(MarkdownWriter.page(page, eagerTables), target);
                Page done = page.withTranslation(translated.markdown());
                return translated.truncated() ? done.withWarning("Page " + (page.index() + 1)
                        + ": the translation reached the model's length bound and may be incomplete") : done;
            });
        }
        try {
            return ParallelPages.run(translating, tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrFailure("Interrupted while translating", e);
        } catch (ExecutionException e) {
            String reason = e.getCause() instanceof ModelFailure failure ? failure.getMessage() : String.valueOf(e.getCause());
            throw new OcrFailure("The translation failed: " + reason, e.getCause(), e.getCause() instanceof ModelFailure);
        }
    }
}
