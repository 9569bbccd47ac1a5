package com.ocrchat.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class WellFormedTextTest {
    @Test
    void whatNoXmlOrStrictJsonCanCarryBecomesTheReplacementCharacter() {
        assertEquals("a\uFFFDb\uFFFDc\uFFFD\uFFFD", WellFormedText.of("a\u0000b\uD800c\uFFFF\uDC00"));
        assertEquals("tab\tline\n\uD83D\uDE00", WellFormedText.of("tab\tline\n\uD83D\uDE00"));
    }

    @Test
    void wellFormedTextIsNotCopied() {
        String text = "Invoice 42 — Straße 東京 \uD83D\uDE00";
        assertSame(text, WellFormedText.of(text));
    }
}
