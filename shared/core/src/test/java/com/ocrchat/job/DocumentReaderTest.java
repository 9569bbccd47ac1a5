package com.ocrchat.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.UnsupportedDocument;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A client's fault is charged the pages before the one it names, whatever kind of fault names it. */
class DocumentReaderTest {
    @Test
    void aCorruptPageAndAPageOverItsTimeOrSizeNameTheirPageAWholeFileFaultNone() {
        assertEquals(
                OptionalInt.of(3),
                DocumentReader.faultPage(UnsupportedDocument.onPage(4, "of the PDF is corrupt", null)));
        assertEquals(
                OptionalInt.of(6),
                DocumentReader.faultPage(new LimitExceeded(
                        "Page 7 took longer to read than this server allows for a page",
                        Map.of("page", 7, "max_seconds_per_page", 60))));
        assertEquals(
                OptionalInt.empty(),
                DocumentReader.faultPage(new LimitExceeded("The file is too large", Map.of("max_mb", 50))));
    }
}
