package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentTypeTest {

    @Test
    void recognizesEveryInputFormatFromItsBytes() {
        var image = TestPages.page("Hi", List.of());
        assertEquals(Optional.of(DocumentType.PNG), DocumentType.detect(TestDocuments.encode(image, "png")));
        assertEquals(Optional.of(DocumentType.JPEG), DocumentType.detect(TestDocuments.encode(image, "jpg")));
        assertEquals(Optional.of(DocumentType.BMP), DocumentType.detect(TestDocuments.encode(image, "bmp")));
        assertEquals(Optional.of(DocumentType.GIF), DocumentType.detect(TestDocuments.encode(image, "gif")));
        assertEquals(Optional.of(DocumentType.TIFF), DocumentType.detect(TestDocuments.encode(image, "tiff")));
        assertEquals(Optional.of(DocumentType.PDF), DocumentType.detect(TestDocuments.textPdf(List.of(List.of("x")))));
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Optional.of(DocumentType.WEBP), DocumentType.detect(webp));
    }

    @Test
    void aPdfHeaderAfterLeadingJunkIsStillAPdf() {
        byte[] pdf = TestDocuments.textPdf(List.of(List.of("x")));
        byte[] prefixed = new byte[pdf.length + 20];
        System.arraycopy(pdf, 0, prefixed, 20, pdf.length);
        assertEquals(Optional.of(DocumentType.PDF), DocumentType.detect(prefixed));
    }

    @Test
    void refusesWhatItDoesNotRead() {
        assertTrue(DocumentType.detect(new byte[0]).isEmpty());
        assertTrue(DocumentType.detect("just some text".getBytes(StandardCharsets.UTF_8))
                .isEmpty());
        assertTrue(DocumentType.detect(new byte[] {'P', 'K', 3, 4, 20, 0}).isEmpty(), "zip / docx");
        assertTrue(DocumentType.detect("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8))
                .isEmpty());
        byte[] heic = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'};
        assertTrue(DocumentType.detect(heic).isEmpty());
    }
}
