package com.ocrchat.ocr;

import com.ocrchat.settings.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's settings: pages recognized in parallel (one Tesseract handle each), where the language
 * models are, and the vision tier's bounds (pages sent to the model at once, the longest image side it
 * is shown, its output bound) and what {@code tier=vlm} does without a vision model.
 */
public record EngineSettings(
        int ocrThreads,
        Optional<Path> tessdata,
        int vlmConcurrency,
        int vlmMaxImageEdge,
        int vlmMaxTokens,
        boolean vlmFallsBackToCpu) {

    public static EngineSettings from(Env env) {
        return new EngineSettings(
                env.integer("OCRCHAT_OCR_THREADS", Runtime.getRuntime().availableProcessors(), 1),
                env.path("TESSDATA_PREFIX").or(EngineSettings::debianTessdata),
                env.integer("OCRCHAT_VLM_CONCURRENCY", 4, 1),
                env.integer("OCRCHAT_VLM_MAX_IMAGE_EDGE", 1568, 256),
                env.integer("OCRCHAT_VLM_MAX_TOKENS", 4096, 256),
                env.choice("OCRCHAT_VLM_UNAVAILABLE", "cpu", Set.of("cpu", "reject"))
                        .equals("cpu"));
    }

    /** Debian installs the models under tesseract-ocr/<major>/tessdata. */
    private static Optional<Path> debianTessdata() {
        for (String candidate : List.of(
                "/usr/share/tesseract-ocr/5/tessdata",
                "/usr/share/tesseract-ocr/4.00/tessdata",
                "/usr/share/tessdata",
                "/usr/local/share/tessdata")) {
            Path path = Path.of(candidate);
            if (Files.isDirectory(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
