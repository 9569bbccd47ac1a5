package com.ocrchat.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepetitionTest {

    @Test
    void aTailThatRepeatsOneUnitToTheBoundIsCutToOneCopy() {
        assertEquals(Optional.of("# Notes\n\n| a | b |"), Repetition.cutLoop("# Notes\n\n" + "| a | b |\n".repeat(80)));
        // Cut off in the middle of a copy, as a reply stopped at its token bound is.
        assertEquals(Optional.of("Intro. the"), Repetition.cutLoop("Intro. the the" + " the".repeat(100) + " th"));
        assertEquals(Optional.of("x"), Repetition.cutLoop("x".repeat(500)));
    }

    @Test
    void realRepetitionOnAPageIsKept() {
        String form = "Name: ________\nSignature: ________\n".repeat(3) + "Thank you.";
        assertTrue(Repetition.cutLoop(form).isEmpty());
        assertTrue(
                Repetition.cutLoop("| 1 | 0 |\n| 2 | 0 |\n| 3 | 0 |\n| 4 | 0 |").isEmpty());
        assertTrue(
                Repetition.cutLoop("Total: 215.00 USD\n".repeat(4)).isEmpty(),
                "four short repeated lines are under the loop length");
    }

    @Test
    void anAnswerWrappedInACodeFenceIsUnwrapped() {
        assertEquals("# Title\n\nText", VisionEngine.unfenced("```markdown\n# Title\n\nText\n```"));
        assertEquals("Plain `code` stays", VisionEngine.unfenced("Plain `code` stays"));
    }
}
