package com.ocrchat.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.error.InvalidInput;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguagesTest {
    private final Languages languages = new Languages(Set.of("eng", "deu", "chi_sim", "osd"));

    @Test
    void acceptsIsoCodesTheProductPagesChAndTesseractNames() {
        assertEquals("auto", languages.resolve("auto"), "the engine picks each page's model by its script");
        assertEquals("auto", languages.resolve(null));
        assertEquals("eng", languages.resolve("en"));
        assertEquals("deu", languages.resolve("DE"));
        assertEquals("deu", languages.resolve("ger"));
        assertEquals("chi_sim", languages.resolve("ch"));
        assertEquals("chi_sim", languages.resolve("chi_sim"));
        assertEquals(
                "deu+eng",
                languages.resolve("en+deu"),
                "sorted, so that one set of models is one string and one handle");
        assertEquals("deu+eng", languages.resolve("eng+de+en"));
    }

    @Test
    void scriptModelsKeepTheirCapitals() {
        Languages withLatin = new Languages(java.util.Set.of("eng", "Latin", "Devanagari"));
        assertEquals("Latin", withLatin.resolve("Latin"));
        assertEquals("Latin", withLatin.resolve("latin"));
        assertEquals("Devanagari", withLatin.resolve("Devanagari"));
    }

    @Test
    void autoNeedsEnglishAsItsFallback() {
        InvalidInput error = assertThrows(InvalidInput.class, () -> new Languages(Set.of("deu")).resolve("auto"));
        assertTrue(error.getMessage().contains("tesseract-ocr-eng"), error.getMessage());
    }

    @Test
    void anUnknownCodeIsA400() {
        InvalidInput error = assertThrows(InvalidInput.class, () -> languages.resolve("xx"));
        assertTrue(error.getMessage().contains("Unknown language code: xx"), error.getMessage());
    }

    @Test
    void aKnownLanguageWithoutItsModelSaysHowToInstallIt() {
        InvalidInput error = assertThrows(InvalidInput.class, () -> languages.resolve("ja"));
        assertTrue(error.getMessage().contains("apt-get install tesseract-ocr-jpn"), error.getMessage());
        InvalidInput vertical = assertThrows(InvalidInput.class, () -> languages.resolve("chi_tra"));
        assertTrue(vertical.getMessage().contains("tesseract-ocr-chi-tra"), vertical.getMessage());
    }
}
