package com.ocrchat.language;

import com.ocrchat.error.InvalidInput;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The language a translation goes into, from {@code translate_to}: ISO 639-1 ({@code de}), ISO 639-2/3
 * ({@code deu}, {@code ger}), a language tag with a region or script ({@code pt-BR}, {@code zh-Hant}),
 * or the product page's {@code ch} for Chinese. {@code code} is the normalized tag (ISO 639-1 where one
 * exists). The language table names the codes it knows; the JDK's ISO lists cover the rest.
 */
public record TargetLanguage(String code, String name) {
    private static final Set<String> TWO_LETTER = Set.of(Locale.getISOLanguages());
    private static final Map<String, String> THREE_TO_TWO = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            THREE_TO_TWO.put(Locale.forLanguageTag(two).getISO3Language(), two);
        }
    }

    public static TargetLanguage parse(String requested) {
        String value = requested == null ? "" : requested.strip().replace('_', '-');
        if (value.isEmpty()) {
            throw new InvalidInput("tool=translate needs translate_to: the target language code, e.g. de, ja or pt-BR");
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(value).build();
        } catch (IllformedLocaleException e) {
            throw unknown(requested);
        }
        String language = twoLetter(locale.getLanguage());
        if (!TWO_LETTER.contains(language) && !knownThreeLetter(language)) {
            throw unknown(requested);
        }
        Locale normalized =
                new Locale.Builder().setLocale(locale).setLanguage(language).build();
        return new TargetLanguage(normalized.toLanguageTag(), normalized.getDisplayName(Locale.ENGLISH));
    }

    /** The ISO 639-1 code where the table or the JDK knows one ({@code ger}, {@code deu} and {@code de} are all {@code de}). */
    private static String twoLetter(String language) {
        if (TWO_LETTER.contains(language) && !language.equals("ch")) {
            return language;
        }
        return LanguageTable.get()
                .byRequestCode(language)
                .map(LanguageTable.Entry::iso6391)
                .filter(code -> !code.isEmpty())
                .orElse(THREE_TO_TWO.getOrDefault(language, language));
    }

    /** ISO 639-3 languages without a two-letter code (yue, fil) that the JDK can name. */
    private static boolean knownThreeLetter(String language) {
        return language.length() == 3
                && !Locale.forLanguageTag(language)
                        .getDisplayLanguage(Locale.ENGLISH)
                        .equals(language);
    }

    private static InvalidInput unknown(String requested) {
        return new InvalidInput(
                "Unknown translate_to '" + requested + "': use a language code such as de, ja, pt-BR or zh-Hant");
    }
}
