package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.cos.COSStream;
import org.junit.jupiter.api.Test;

class CalculatorStacksTest {
    @Test
    void aTintTransformOfTheKindProducersWriteStaysShallow() throws Exception {
        // A duotone's transform (two inks to CMYK), as InDesign writes it.
        assertEquals(
                7,
                CalculatorStacks.deepest(
                        program("{ exch dup 1.0 mul exch dup 0.66 mul exch dup 0.0 mul exch 0.02 mul 4 index add"
                                + " 5 -1 roll pop dup 1 gt { pop 1 } if }"),
                        2));
        assertEquals(4, CalculatorStacks.deepest(program("{ dup 0.5 gt { 1 } { 0 } ifelse }"), 1), "both on the stack");
        assertEquals(4, CalculatorStacks.deepest(program("{ 2 copy add }"), 2));
    }

    @Test
    void copiesThatDoubleTheStackAreCountedPastTheLimit() throws Exception {
        // 58 tokens that filled the heap in one fill: each copy doubles the stack.
        StringBuilder doubling = new StringBuilder("{ 1");
        for (int copies = 1; copies <= 1 << 20; copies *= 2) {
            doubling.append(' ').append(copies).append(" copy");
        }
        assertTrue(CalculatorStacks.deepest(program(doubling + " }"), 1) > CalculatorStacks.MOST_DEPTH);
        // A count computed on the stack copies at most the stack: doubled each time.
        assertTrue(CalculatorStacks.deepest(program("{ dup dup " + "dup 1 add copy ".repeat(8) + "}"), 1)
                > CalculatorStacks.MOST_DEPTH);
        // Pushed inside a branch.
        assertTrue(CalculatorStacks.deepest(program("{ dup 0 gt { " + "1 ".repeat(120) + "} if }"), 1)
                > CalculatorStacks.MOST_DEPTH);
    }

    @Test
    void programsNotWrittenAsOneProcedureOfBranchesAreNotRead() throws Exception {
        String doubling = " 1 copy 2 copy 4 copy 8 copy 16 copy 32 copy 64 copy 128 copy ";
        // PDFBox runs tokens outside the procedure too, and a procedure wherever it is left.
        assertEquals(CalculatorStacks.UNREAD, CalculatorStacks.deepest(program("1" + doubling), 1));
        assertEquals(CalculatorStacks.UNREAD, CalculatorStacks.deepest(program("{ } 1" + doubling), 1));
        assertEquals(CalculatorStacks.UNREAD, CalculatorStacks.deepest(program("{ { 1 } dup }"), 1));
        assertEquals(CalculatorStacks.UNREAD, CalculatorStacks.deepest(program("{ 1 2 add"), 1));
        // Read as PDFBox reads them, a comment holding a brace and a name touching one included.
        assertTrue(CalculatorStacks.deepest(program("{ %}\n1" + doubling + "}"), 1) > CalculatorStacks.MOST_DEPTH);
        int touching = CalculatorStacks.deepest(program("{ false { a} } if 1" + doubling + "}"), 1);
        assertTrue(touching == CalculatorStacks.UNREAD || touching > CalculatorStacks.MOST_DEPTH, "refused");
    }

    /** A program's tokens as PDFBox reads them. */
    @Test
    void rollAndCopyCostTheValuesTheyMove() throws Exception {
        // "97 1 roll" ran 12 times slower than "add" in PDFBox: braces, two numbers, and 1 + 97 / 8 for the roll.
        assertEquals(1 + 2 + 13 + 1, CalculatorStacks.steps(program("{ 97 1 roll }")));
        assertEquals(1 + 1 + 1 + 1, CalculatorStacks.steps(program("{ 5 copy }")));
        // A count computed at run time is taken as deep as a stack may be: 100 values.
        assertEquals(1 + 1 + 13 + 1, CalculatorStacks.steps(program("{ dup copy }")));
        assertEquals(1 + 2 + 1, CalculatorStacks.steps(program("{ 1 add }")));
    }

    private static List<String> program(String text) throws Exception {
        COSStream stream = new COSStream();
        try (OutputStream out = stream.createOutputStream()) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return CalculatorStacks.tokens(stream);
    }
}
