package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OperandPilesTest {
    @Test
    void aHeavyPageOfOrdinaryOperatorsIsWithinBudget() throws Exception {
        // 400,000 operators, 2.6 MB: each operator clears the pile before it.
        assertFalse(piles("0 0 m 10 10 l S (a \\) b (c) d) Tj\n".repeat(100_000)));
    }

    @Test
    void operandsPiledBeforeOneOperatorAreCounted() throws Exception {
        assertTrue(piles("[()] ".repeat(70_000) + "n"));
        assertFalse(piles("[()] ".repeat(40_000) + "n"));
    }

    @Test
    void wordsInsideAnArrayDoNotClearThePile() throws Exception {
        assertTrue(piles("[" + "() x ".repeat(200_000) + "] TJ"));
    }

    @Test
    void inlineImageDataIsPassedOverToItsEnd() throws Exception {
        String data = "[[[[((((".repeat(30_000); // bytes that would lex as operands
        assertFalse(piles("q BI /W 1 /H 1 /CS /G /BPC 8 ID " + data + " EI\nQ " + "0 0 m\n".repeat(10)));
        assertTrue(piles("q BI /W 1 /H 1 /CS /G /BPC 8 ID xEI\nQ " + "[()] ".repeat(70_000) + "n"));
    }

    private static boolean piles(String contents) throws Exception {
        return OperandPiles.overBudget(new ByteArrayInputStream(contents.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
