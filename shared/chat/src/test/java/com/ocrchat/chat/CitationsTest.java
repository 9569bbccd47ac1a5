package com.ocrchat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ocrchat.conversation.Citation;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationsTest {
    private static final List<String> PAGES = List.of(
            "INVOICE 2024-117\nTotal: 215.00 USD\nDue by 30 March 2025.",
            "Terms: payment within thirty days of the invoice date.",
            "請求書の合計は二百十五ドルです。");

    @Test
    void aCitationOnItsPageThatSupportsItsSentenceIsKept() {
        Citations.Grounded grounded = Citations.ground(
                "The total is 215.00 USD (p. 1).", List.of(new Citation(1, "Total: 215.00 USD")), PAGES);
        assertEquals("The total is 215.00 USD (p. 1).", grounded.content());
        assertEquals(List.of(new Citation(1, "Total: 215.00 USD")), grounded.citations());
    }

    @Test
    void aSnippetThatIsNotOnTheCitedPageIsDroppedAndSoIsTheReference() {
        Citations.Grounded grounded = Citations.ground(
                "The total is 215.00 USD (p. 2).", List.of(new Citation(2, "Total: 215.00 USD")), PAGES);
        assertEquals("The total is 215.00 USD.", grounded.content());
        assertEquals(List.of(), grounded.citations());
    }

    @Test
    void aTrueSnippetThatDoesNotSupportItsSentenceIsDropped() {
        // Page 2 does say this, but it is not what the sentence claims.
        Citations.Grounded grounded = Citations.ground(
                "The total is 999.00 EUR (p. 2).", List.of(new Citation(2, "payment within thirty days")), PAGES);
        assertEquals("The total is 999.00 EUR.", grounded.content());
        assertEquals(List.of(), grounded.citations());
    }

    @Test
    void aPageReferenceInTheTextNeedsACitationOfThatPage() {
        Citations.Grounded grounded = Citations.ground(
                "The total is 215.00 USD (p. 1). Payment is due within thirty days (p. 3).",
                List.of(new Citation(1, "Total: 215.00 USD")),
                PAGES);
        assertEquals("The total is 215.00 USD (p. 1). Payment is due within thirty days.", grounded.content());
        assertEquals(1, grounded.citations().size());
    }

    @Test
    void eachCitationIsCheckedAgainstTheSentencesThatNameItsPage() {
        Citations.Grounded grounded = Citations.ground(
                "Payment is due within thirty days (p. 2). The total is 215.00 USD (p. 1).",
                List.of(new Citation(2, "payment within thirty days"), new Citation(1, "Total: 215.00 USD")),
                PAGES);
        assertEquals(2, grounded.citations().size());
        assertEquals("Payment is due within thirty days (p. 2). The total is 215.00 USD (p. 1).", grounded.content());
    }

    @Test
    void anAnswerWithoutReferencesKeepsCitationsThatSupportAnySentence() {
        Citations.Grounded grounded = Citations.ground(
                "It is due by 30 March 2025.",
                List.of(new Citation(1, "Due by 30 March 2025."), new Citation(2, "Terms: payment within")),
                PAGES);
        assertEquals(List.of(new Citation(1, "Due by 30 March 2025.")), grounded.citations());
    }

    @Test
    void scriptsWithoutSpacesAreComparedByCharacters() {
        Citations.Grounded grounded =
                Citations.ground("合計は二百十五ドルです (p. 3)。", List.of(new Citation(3, "合計は二百十五ドル")), PAGES);
        assertEquals(1, grounded.citations().size());
    }
}
