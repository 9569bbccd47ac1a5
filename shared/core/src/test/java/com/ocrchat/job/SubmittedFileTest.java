package com.ocrchat.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SubmittedFileTest {
    @Test
    void aNameKeepsItsLastSegmentWithoutWhatNoDocumentCanCarry() {
        assertEquals("invoice.pdf", SubmittedFile.baseName("C:\\Users\\me\\invoice.pdf"));
        assertEquals("scan.pdf", SubmittedFile.baseName("sc\u0000an\uFFFF\uD800.pdf"));
        assertEquals("", SubmittedFile.baseName(null));
    }

    @Test
    void aLongNameIsNeverCutInsideASurrogatePair() {
        String name = SubmittedFile.baseName("a".repeat(254) + "\uD83D\uDE00.pdf");

        assertEquals("a".repeat(254), name);
    }
}
