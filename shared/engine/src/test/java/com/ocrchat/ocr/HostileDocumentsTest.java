package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.ocrchat.error.OcrChatException;
import com.ocrchat.testing.HostileInputs;
import com.ocrchat.testing.HostileInputs.Hostile;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the hostile corpus, opened, its text layers read and its pages drawn with the default budgets: a clear client error (the
 * phrase it must contain, where the corpus names one), or pages within the pixel budget; never a hang, an
 * OutOfMemoryError or an unexpected exception. Recognition itself is the API corpus's business.
 */
class HostileDocumentsTest {
    private static final DocumentLimits LIMITS = new DocumentLimits(100_000_000L, 300);

    static List<Hostile> corpus() {
        return HostileInputs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedClearlyOrDrawnWithinItsBudget(Hostile hostile) {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            try (Document document = Documents.open(hostile.bytes(), LIMITS)) {
                for (int page = 0; page < document.pageCount(); page++) {
                    document.textLayer(page); // as the pipeline does: the text layer first, then the drawing
                    BufferedImage image = document.render(page);
                    assertTrue((long) image.getWidth() * image.getHeight() <= LIMITS.maxPixelsPerPage());
                    assertTrue(Math.max(image.getWidth(), image.getHeight()) <= DocumentLimits.MAX_PAGE_SIDE);
                }
                if (hostile.refusedWith() != null) {
                    fail(hostile.name() + " was read, but should be refused with '" + hostile.refusedWith() + "'");
                }
            } catch (OcrChatException e) {
                assertTrue(e.clientCaused(), hostile.name() + ": " + e);
                if (hostile.refusedWith() != null) {
                    assertTrue(
                            e.getMessage()
                                    .toLowerCase(Locale.ROOT)
                                    .contains(hostile.refusedWith().toLowerCase(Locale.ROOT)),
                            hostile.name() + ": " + e.getMessage());
                }
            }
        });
    }
}
