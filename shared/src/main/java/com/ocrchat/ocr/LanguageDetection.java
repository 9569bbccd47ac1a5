package com.ocrchat.ocr;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of recognized text, by Lingua (built on first use; its models load lazily). Only the
 * start of a long text is looked at: a few pages tell the language as well as five hundred.
 */
public final class LanguageDetection {
    private static final int SAMPLE_CHARS = 4000;
    private static volatile LanguageDetector detector;

    private LanguageDetection() {
    }

    /** ISO 639-1 ("en", "ru", "zh"), or empty when the text is too short or unclear. */
    public static Optional<String> iso6391(String text) {
        return detect(text).map(language -> language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
    }

    /** ISO 639-3 ("deu", "vie"), the code most Tesseract models are named by. */
    static Optional<String> iso6393(String text) {
        return detect(text).map(language -> language.getIsoCode639_3().toString().toLowerCase(Locale.ROOT));
    }

    private static Optional<Language> detect(String text) {
        String sample = text == null ? "" : text.strip();
        if (sample.codePoints().filter(Character::isLetter).count() < 8) {
            return Optional.empty();
        }
        Language language = detector().detectLanguageOf(sample.length() > SAMPLE_CHARS ? sample.substring(0, SAMPLE_CHARS) : sample);
        return language == Language.UNKNOWN ? Optional.empty() : Optional.of(language);
    }

    private static LanguageDetector detector() {
        LanguageDetector current = detector;
        if (current == null) {
            synchronized (LanguageDetection.class) {
                current = detector;
                if (current == null) {
                    current = LanguageDetectorBuilder.fromAllLanguages().withLowAccuracyMode().build();
                    detector = current;
                }
            }
        }
        return current;
    }
}
