package com.ocrchat.functions.ocr;

import com.ocrchat.aws.NativeCrypto;
import com.ocrchat.job.JobPages;
import com.ocrchat.language.Languages;
import com.ocrchat.model.ModelSettings;
import com.ocrchat.ocr.EngineSettings;
import com.ocrchat.ocr.LanguageDetection;
import com.ocrchat.recognition.Recognizer;
import com.ocrchat.recognition.Recognizers;
import com.ocrchat.settings.Limits;
import com.ocrchat.store.PageImages;
import com.ocrchat.wiring.Wiring;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OCR engine of this process: its Tesseract threads and handles are costly, so the functions of one
 * process (submit and the worker, in the local server's JVM) share one engine per configuration.
 */
final class OcrEngines {
    private static final Map<List<Object>, Recognizer> ENGINES = new ConcurrentHashMap<>();

    private OcrEngines() {}

    /** Reading a job's pages with the engine these settings configure. */
    static JobPages jobPages(Wiring wiring) {
        EngineSettings engine = EngineSettings.from(wiring.env());
        ModelSettings models = ModelSettings.from(wiring.env());
        Limits limits = Limits.from(wiring.env());
        Recognizer recognizer = ENGINES.computeIfAbsent(List.of(engine, models, limits, wiring.aws()), key -> {
            NativeCrypto.installInBackground(); // the bytes a job moves: not on the cold start's time
            LanguageDetection.loadInBackground(); // every job's language is detected: not on the first job's time
            return Recognizers.create(
                    engine,
                    models,
                    wiring.aws(),
                    limits,
                    new PageImages(wiring.stores().objects()));
        });
        return new JobPages(recognizer, Languages.installedIn(engine.tessdata().orElse(null)));
    }
}
