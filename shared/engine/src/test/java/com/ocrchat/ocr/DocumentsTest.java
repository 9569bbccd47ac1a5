package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.OcrChatException;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentsTest {
    private static final DocumentLimits LIMITS = new DocumentLimits(100_000_000L, 300);

    @Test
    void rendersPdfPagesAt300DpiOneAtATime() {
        byte[] pdf = TestDocuments.textPdf(List.of(List.of("one"), List.of("two")));
        try (Document document = Documents.open(pdf, LIMITS)) {
            assertEquals(2, document.pageCount());
            var page = document.render(1);
            assertEquals(2480, page.getWidth());
            assertEquals(3508, page.getHeight(), 1);
        }
    }

    @Test
    void aPageTooLargeAt300DpiIsRenderedAtALowerDpi() {
        byte[] pdf = TestDocuments.textPdf(List.of(List.of("poster")));
        try (Document document = Documents.open(pdf, new DocumentLimits(2_000_000L, 300))) {
            var page = document.render(0);
            assertTrue(
                    (long) page.getWidth() * page.getHeight() <= 2_000_000L, page.getWidth() + "x" + page.getHeight());
        }
    }

    @Test
    void readsAnImage() {
        try (Document document = Documents.open(TestDocuments.png(TestPages.invoiceImage()), LIMITS)) {
            assertEquals(DocumentType.PNG, document.type());
            assertEquals(1, document.pageCount());
            assertEquals(1240, document.render(0).getWidth());
        }
    }

    @Test
    void anImageOverFourTimesThePixelLimitIsRefusedBeforeDecoding() {
        LimitExceeded error = assertThrows(
                LimitExceeded.class,
                () -> Documents.open(TestDocuments.png(TestPages.invoiceImage()), new DocumentLimits(500_000L, 300)));
        assertTrue(error.clientCaused(), "a 400: the client's file");
        assertTrue(error.getMessage().contains("1240x1754"), error.getMessage());
    }

    @Test
    void aPhotoOverThePixelLimitIsReadAtALowerResolution() {
        BufferedImage invoice = TestPages.invoiceImage(); // 1240x1754, 2.2 megapixels
        for (byte[] file : List.of(TestDocuments.png(invoice), TestDocuments.encode(invoice, "jpg"))) {
            try (Document document = Documents.open(file, new DocumentLimits(1_000_000L, 300))) {
                BufferedImage page = document.render(0);
                assertEquals(620, page.getWidth());
                assertEquals(877, page.getHeight());
                for (int y = 0; y < page.getHeight() && file[1] == 'P'; y += 7) { // the PNG's, exactly
                    for (int x = 0; x < page.getWidth(); x += 7) {
                        assertEquals(invoice.getRGB(2 * x, 2 * y), page.getRGB(x, y), "every other pixel each way");
                    }
                }
            }
        }
    }

    @Test
    void clientMistakesAreClear400s() {
        assertMessage(new byte[0], "empty");
        assertMessage("hello".getBytes(), "Unsupported or unrecognized file type");
        byte[] png = TestDocuments.png(TestPages.invoiceImage());
        assertMessage(Arrays.copyOf(png, 60), "corrupt or truncated");
        byte[] pdf = TestDocuments.textPdf(List.of(List.of("x")));
        assertMessage(Arrays.copyOf(pdf, 200), "corrupt or truncated");
        assertMessage(TestDocuments.encryptedPdf(pdf), "password");
    }

    private static void assertMessage(byte[] bytes, String expected) {
        OcrChatException error = assertThrows(OcrChatException.class, () -> {
            try (Document document = Documents.open(bytes, LIMITS)) {
                document.render(0);
            }
        });
        assertTrue(error.clientCaused(), "a 400: the client's file");
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
