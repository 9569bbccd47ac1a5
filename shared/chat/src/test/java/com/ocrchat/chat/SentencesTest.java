package com.ocrchat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How OCR'd pages become the sentences chat quotes. */
class SentencesTest {
    @Test
    void aSentenceBrokenAcrossAPageIsReadWholeUnderThePageItStartsOn() {
        List<Sentence> sentences = Sentences.of(
                        List.of(
                                page(0, "Annual review", "1. Urges all Member States to increase their contribu-"),
                                page(
                                        1,
                                        "Annual review",
                                        "tions to the operational activities;",
                                        "2. Notes the report.")),
                        "en")
                .sentences();
        assertEquals(
                List.of(
                        "1.", "Urges all Member States to increase their contributions to the operational activities;",
                        "2.", "Notes the report."),
                sentences.stream().map(Sentence::text).toList());
        assertEquals(1, sentences.get(1).page());
    }

    @Test
    void abbreviationsDoNotEndSentencesAndKeptHyphensStay() {
        List<String> sentences = texts(page(
                0,
                "Mr. Smith met the U.S. delegation in the capital of the country on\nMonday. The talks ran from 1990-\n"
                        + "1991 under a plan that the UN-\nsponsored committee wrote."));
        assertEquals(
                List.of(
                        "Mr. Smith met the U.S. delegation in the capital of the country on Monday.",
                        "The talks ran from 1990-1991 under a plan that the UN-sponsored committee wrote."),
                sentences);
    }

    @Test
    void anInvoicesLabelledLinesAreItemsOfTheirOwnWhileAWrappedParagraphIsOneSentence() {
        List<String> items = texts(
                page(0, "Acme Corp\n123 Market Street, Springfield\nDue date: December 1, 2026\nTotal: 215.00 USD"));
        assertEquals(
                List.of(
                        "Acme Corp",
                        "123 Market Street, Springfield",
                        "Due date: December 1, 2026",
                        "Total: 215.00 USD"),
                items);
    }

    @Test
    void onlyLinesAtThePageEdgesThatRepeatAreRunningHeadersAndTheirPageNumberMayChange() {
        Sentences.Split split = Sentences.of(
                List.of(
                        page(
                                0,
                                "Acme Ltd - Report 2025 - page 1",
                                "Sales.",
                                "Total: 1,250.00 EUR for the first quarter.",
                                "x",
                                "y",
                                "1"),
                        page(
                                1,
                                "Acme Ltd - Report 2025 - page 2",
                                "Costs.",
                                "Total: 1,250.00 EUR for the first quarter.",
                                "x",
                                "y",
                                "2")),
                "en");
        assertEquals(
                2,
                split.sentences().stream()
                        .filter(s -> s.text().startsWith("Total:"))
                        .count(),
                "a line inside the page is never a running header");
        assertEquals(true, split.runningLines().contains("Acme Ltd - Report 2025 - page 1"));
    }

    /** The sentences of one page, as text. */
    private static List<String> texts(Page page) {
        return Sentences.of(List.of(page), "en").sentences().stream()
                .map(Sentence::text)
                .toList();
    }

    private static Page page(int index, String... blocks) {
        List<Block> laid = java.util.Arrays.stream(blocks)
                .map(text -> new Block(text.replace("\\\n", "\n"), new int[] {0, 0, 1, 1}, 0.9, List.of()))
                .toList();
        return new Page(index, 100, 100, String.join("\n\n", blocks), laid);
    }
}
