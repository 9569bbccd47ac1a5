package com.ocrchat.recognition;

import com.ocrchat.error.ProviderFailure;
import com.ocrchat.error.RecognitionFailure;
import com.ocrchat.job.DocumentReader;
import com.ocrchat.job.JobOptions;
import com.ocrchat.job.JobRecord;
import com.ocrchat.model.ModelFailure;
import com.ocrchat.observe.Stages;
import com.ocrchat.ocr.Document;
import com.ocrchat.ocr.DocumentLimits;
import com.ocrchat.ocr.Documents;
import com.ocrchat.ocr.LanguageDetection;
import com.ocrchat.ocr.OcrPipeline;
import com.ocrchat.ocr.ParallelPages;
import com.ocrchat.page.MarkdownWriter;
import com.ocrchat.page.Page;
import com.ocrchat.store.PageImages;
import com.ocrchat.tools.Tier;
import com.ocrchat.tools.Tool;
import com.ocrchat.translate.Translator;
import com.ocrchat.vlm.VisionEngine;
import com.ocrchat.vlm.VisionPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The engine behind the job flow: opens files and reads a job's pages with the engine its tier names
 * (Tesseract for cpu; the vision engine with the tool's prompt for vlm, every page rendered, text layer
 * or not), translating them when the job asks, and keeps the page images the searchable PDF needs.
 * Vision and translation calls wait on a provider, so they run on their own threads, as many as the
 * model concurrency allows, beside the cpu engine's one per core.
 */
public final class Recognizer implements DocumentReader {
    private final DocumentLimits limits;
    private final OcrPipeline cpu;
    private final Optional<VisionEngine> vision;
    private final OcrPipeline vlm;
    private final Optional<Translator> translator;
    private final ParallelPages translating;
    private final PageImages pageImages;

    public Recognizer(
            DocumentLimits limits,
            OcrPipeline cpu,
            Optional<VisionEngine> vision,
            Optional<Translator> translator,
            int modelConcurrency,
            PageImages pageImages) {
        this.limits = limits;
        this.cpu = cpu;
        this.vision = vision;
        this.translator = translator;
        this.vlm =
                vision.map(engine -> new OcrPipeline(engine, modelConcurrency)).orElse(null);
        this.translating = new ParallelPages("translator", modelConcurrency, OcrPipeline.STOP_GRACE);
        this.pageImages = pageImages;
    }

    @Override
    public OpenDocument open(byte[] bytes) {
        return new Opened(Documents.open(bytes, limits));
    }

    @Override
    public Optional<String> detectLanguage(String text) {
        return Stages.time(Stages.DETECTOR, -1, () -> LanguageDetection.iso6391(text));
    }

    /**
     * Pages {@code from} (inclusive) to {@code to} (exclusive) of the job's document, read and, if asked,
     * translated; each page goes to {@code finished} as soon as it is complete.
     */
    List<Page> read(
            Document document,
            JobOptions options,
            String models,
            int from,
            int to,
            OcrPipeline.PageSink sink,
            Consumer<Page> finished) {
        List<Page> pages;
        if (options.tier() == Tier.VLM) {
            VisionEngine engine = vision.orElseThrow(
                    () -> new RecognitionFailure("The job asks for the vlm tier, which is not configured here"));
            pages = vlm.recognize(document, engine.withPrompt(prompt(options.tool())), false, models, from, to, sink);
        } else {
            pages = cpu.recognize(document, models, from, to, sink);
        }
        return options.translateTo() == null ? pages : translated(pages, options, finished);
    }

    private static VisionPrompt prompt(Tool tool) {
        if (tool == Tool.HANDWRITING_TO_TEXT) {
            return VisionPrompt.HANDWRITING;
        }
        return tool == Tool.MATH_TO_LATEX ? VisionPrompt.MATH : VisionPrompt.TRANSCRIBE;
    }

    private List<Page> translated(List<Page> pages, JobOptions options, Consumer<Page> finished) {
        Translator using = translator.orElseThrow(
                () -> new RecognitionFailure("The job asks for a translation, which is not configured here"));
        List<Callable<Page>> tasks = new ArrayList<>();
        for (Page page : pages) {
            tasks.add(() -> {
                Translator.Translated translated =
                        using.translate(MarkdownWriter.page(page, options.eagerTables()), options.translateTo());
                Page done = page.withTranslation(translated.markdown());
                Page complete = translated.truncated()
                        ? done.withWarning("Page " + (page.index() + 1)
                                + ": the translation reached the model's length bound and may be incomplete")
                        : done;
                finished.accept(complete);
                return complete;
            });
        }
        try {
            return translating.run(tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecognitionFailure("Interrupted while translating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ModelFailure failure) {
                throw new ProviderFailure("The translation failed: " + failure.getMessage(), failure);
            }
            throw new RecognitionFailure("The translation failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Where the pages of job {@code uuid} are kept as they are read, each counted once kept; a page read is
     * complete unless it still has to be translated.
     */
    private OcrPipeline.PageSink sinkFor(
            String uuid, AtomicInteger pagesRead, boolean translating, Consumer<Page> finished) {
        return new OcrPipeline.PageSink() {
            @Override
            public void rendered(int pageIndex, byte[] image) {
                Stages.time(Stages.PAGE_IMAGE_STORE, pageIndex, () -> pageImages.putImage(uuid, pageIndex, image));
            }

            @Override
            public void keptAsIs(int pageIndex, byte[] singlePagePdf) {
                pageImages.putOriginal(uuid, pageIndex, singlePagePdf);
            }

            @Override
            public void read(Page page) {
                pagesRead.incrementAndGet(); // read to the end: its image or original is kept
                if (!translating) {
                    finished.accept(page);
                }
            }
        };
    }

    private final class Opened implements OpenDocument {
        private final Document document;
        private final AtomicInteger pagesRead = new AtomicInteger();
        private final Map<Integer, Page> finished = new ConcurrentHashMap<>();

        Opened(Document document) {
            this.document = document;
        }

        @Override
        public String mediaType() {
            return document.type().mediaType();
        }

        @Override
        public String extension() {
            return document.type().extension();
        }

        @Override
        public int pageCount() {
            return document.pageCount();
        }

        @Override
        public List<Page> read(JobRecord job, String models, int from, int to) {
            Consumer<Page> complete = page -> finished.put(page.index(), page);
            boolean translating = job.options().translateTo() != null;
            return Recognizer.this.read(
                    document,
                    job.options(),
                    models,
                    from,
                    to,
                    sinkFor(job.uuid(), pagesRead, translating, complete),
                    complete);
        }

        @Override
        public List<Page> finishedPages() {
            return new ArrayList<>(new TreeMap<>(finished).values());
        }

        @Override
        public int pagesRead() {
            return pagesRead.get();
        }

        @Override
        public void close() {
            document.close();
        }
    }
}
