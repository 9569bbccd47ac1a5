package com.ocrchat.ocr;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.ocrchat.concurrent.DaemonThreads;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of recognized text, by Lingua (built on first use; its models load lazily). Only the
 * start of a long text is looked at: a few pages tell the language as well as five hundred.
 */
public final class LanguageDetection {
    private static final int SAMPLE_CHARS = 4000;
    /** Below this, Lingua's fast mode errs (Hindi read as Marathi); its precise mode is then used. */
    private static final int SHORT_TEXT = 200;

    private static volatile LanguageDetector fast;
    private static volatile LanguageDetector precise;

    private LanguageDetection() {}

    /**
     * Loads the models Latin text needs, on a thread of its own: the first detection in a process takes about a second
     * to load them (a page's own detection then takes milliseconds), which a server's first page would otherwise wait.
     */
    public static void loadInBackground() {
        DaemonThreads.named("language-models")
                .newThread(() -> detect("The models of the languages written in Latin letters load on first use."))
                .start();
    }

    /** ISO 639-1 ("en", "ru", "zh"), or empty when the text is too short or unclear. */
    public static Optional<String> iso6391(String text) {
        return detect(text)
                .map(language -> language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
    }

    /** ISO 639-3 ("deu", "vie"), the code most Tesseract models are named by. */
    static Optional<String> iso6393(String text) {
        return detect(text)
                .map(language -> language.getIsoCode639_3().toString().toLowerCase(Locale.ROOT));
    }

    private static Optional<Language> detect(String text) {
        String sample = text == null ? "" : text.strip();
        if (sample.codePoints().filter(Character::isLetter).count() < 8) {
            return Optional.empty();
        }
        // Short text in a non-Latin script has few candidate languages, so the precise mode loads quickly;
        // for Latin text it would load dozens of large models, so the fast mode serves there.
        boolean shortNonLatin = sample.length() < SHORT_TEXT
                && sample.codePoints()
                        .filter(Character::isLetter)
                        .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
        LanguageDetector detector = shortNonLatin ? precise() : fast();
        Language language =
                detector.detectLanguageOf(sample.length() > SAMPLE_CHARS ? sample.substring(0, SAMPLE_CHARS) : sample);
        return language == Language.UNKNOWN ? Optional.empty() : Optional.of(language);
    }

    private static LanguageDetector fast() {
        LanguageDetector current = fast;
        if (current == null) {
            synchronized (LanguageDetection.class) {
                if (fast == null) {
                    fast = LanguageDetectorBuilder.fromAllLanguages()
                            .withLowAccuracyMode()
                            .build();
                }
                current = fast;
            }
        }
        return current;
    }

    private static LanguageDetector precise() {
        LanguageDetector current = precise;
        if (current == null) {
            synchronized (LanguageDetection.class) {
                if (precise == null) {
                    precise = LanguageDetectorBuilder.fromAllLanguages().build();
                }
                current = precise;
            }
        }
        return current;
    }
}
