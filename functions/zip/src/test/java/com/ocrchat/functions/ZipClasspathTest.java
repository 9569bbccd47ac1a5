package com.ocrchat.functions;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The zip functions' classpath is the modules they depend on: the OCR engine and the language detector are not on it. */
class ZipClasspathTest {

    @Test
    void theZipFunctionsCannotReachTheEngineTesseractOrTheLanguageDetector() {
        for (String absent : List.of(
                "com.ocrchat.recognition.Recognizer",
                "com.ocrchat.ocr.TesseractEngine",
                "net.sourceforge.tess4j.TessAPI",
                "com.github.pemistahl.lingua.api.LanguageDetector")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent);
        }
    }
}
