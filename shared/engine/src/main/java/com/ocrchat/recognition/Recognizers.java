package com.ocrchat.recognition;

import com.ocrchat.aws.AwsSettings;
import com.ocrchat.model.ModelClients;
import com.ocrchat.model.ModelSettings;
import com.ocrchat.ocr.DocumentLimits;
import com.ocrchat.ocr.EngineSettings;
import com.ocrchat.ocr.OcrPipeline;
import com.ocrchat.ocr.TesseractEngine;
import com.ocrchat.settings.Limits;
import com.ocrchat.store.PageImages;
import com.ocrchat.translate.Translator;
import com.ocrchat.vlm.VisionEngine;
import java.util.Optional;

/** The engine as the settings configure it: Tesseract, and the vision engine and translator when their providers are set. */
public final class Recognizers {
    private Recognizers() {}

    public static Recognizer create(
            EngineSettings engine, ModelSettings models, AwsSettings aws, Limits limits, PageImages pageImages) {
        TesseractEngine tesseract = new TesseractEngine(
                engine.tessdata().orElse(null),
                limits.maxPixelsPerPage(),
                limits.pageTimeBudget(),
                engine.ocrThreads());
        Optional<VisionEngine> vision = ModelClients.create(
                        models, aws, models.vlmProvider(), models.vlmModel(), models.timeout(), models.maxAttempts())
                .map(model -> new VisionEngine(tesseract, model, engine.vlmMaxImageEdge(), engine.vlmMaxTokens()));
        Optional<Translator> translator = ModelClients.create(
                        models,
                        aws,
                        models.translateProvider(),
                        Optional.empty(),
                        models.timeout(),
                        models.maxAttempts())
                .map(model -> new Translator(model, engine.vlmMaxTokens()));
        OcrPipeline pages = new OcrPipeline(tesseract, engine.ocrThreads());
        tesseract.pagesWaitIn(pages);
        return new Recognizer(
                DocumentLimits.of(limits), pages, vision, translator, engine.vlmConcurrency(), pageImages);
    }
}
