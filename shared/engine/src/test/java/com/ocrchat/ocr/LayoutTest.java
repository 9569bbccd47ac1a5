package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.page.MarkdownWriter;
import com.ocrchat.page.Page;
import com.ocrchat.page.Table;
import com.ocrchat.page.Tables;
import com.ocrchat.settings.Env;
import com.ocrchat.testing.TestPages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading order and Markdown structure of rendered pages, through the real engine. */
class LayoutTest {
    private final TesseractEngine engine =
            new TesseractEngine(EngineSettings.from(Env.of(Map.of())).tessdata().orElse(null));

    @Test
    void aTwoColumnArticleReadsColumnByColumnInWholeParagraphs() {
        List<String> left = List.of(
                "The city council met on Monday evening to discuss the new library budget and the repairs of the old bridge.",
                "Residents asked for longer opening hours on weekends and more computers for students.");
        List<String> right = List.of(
                "Weather in the region will stay mild this week with light rain expected on Thursday afternoon.",
                "Farmers welcome the rain after a dry summer that hurt the harvest of apples and pears.");

        Page page = engine.read(TestPages.twoColumnPage("The Springfield Gazette", left, right), 0, "eng")
                .page();
        String markdown = MarkdownWriter.page(page);

        assertEquals(
                String.join(
                        "\n\n",
                        List.of("# The Springfield Gazette", left.get(0), left.get(1), right.get(0), right.get(1))),
                markdown);
        assertTrue(page.text().indexOf("students") < page.text().indexOf("Weather"), "the left column comes first");
    }

    @Test
    void aRunningHeaderAndFooterStayApartFromTheParagraphs() {
        List<String> paragraphs = List.of(
                "The committee reviewed the water supply of the northern districts and found that most "
                        + "pipes laid before 1960 need to be replaced within the next ten years, at a cost the city cannot carry alone.",
                "It recommends a joint plan with the county, starting with the schools and the hospital, and asks for a first "
                        + "report on the costs before the end of the spring session.");

        Page page = engine.read(
                        TestPages.pageWithHeaderAndFooter(
                                "Springfield City Council - Annual Report 2026", paragraphs, "Page 3 of 12"),
                        0,
                        "eng")
                .page();

        assertEquals(
                String.join(
                        "\n\n",
                        List.of(
                                "Springfield City Council - Annual Report 2026",
                                paragraphs.get(0),
                                paragraphs.get(1),
                                "Page 3 of 12")),
                MarkdownWriter.page(page));
    }

    @Test
    void headingsAndListsKeepTheirStructure() {
        Page page = engine.read(TestPages.handbookPage(), 0, "eng").page();

        assertEquals("""
                # Project Handbook

                ## Getting started

                Read these steps before your first day at the office.

                - Bring your signed contract
                - Collect your badge at reception
                - Meet your mentor

                ## First week

                1. Set up your laptop
                2. Join the team meeting
                3. Review the open issues""", MarkdownWriter.page(page));
    }

    @Test
    void ruledAndUnruledTablesBecomeMarkdownTables() {
        for (boolean ruled : new boolean[] {false, true}) {
            Page page = engine.read(TestPages.tablePage(ruled), 0, "eng").page();

            assertEquals(
                    List.of(TestPages.ORDER_TABLE),
                    Tables.find(page.blocks()).stream().map(Table::rows).toList(),
                    "ruled: " + ruled);
            assertEquals("""
                    # Order 1042

                    The goods below were shipped on Monday.

                    | Item | Quantity | Price |
                    | --- | --- | --- |
                    | Widget assembly | 2 | 150.00 |
                    | Support plan | 1 | 65.00 |
                    | Cable | 4 | 12.50 |""", MarkdownWriter.page(page), "ruled: " + ruled);
        }
    }

    @Test
    void aRuledTableWhoseCellsHoldSentencesIsATableByItsRules() {
        Page page = engine.read(TestPages.ruledTableOfSentences(), 0, "eng").page();

        assertEquals(
                List.of(TestPages.PLAN_TABLE),
                Tables.of(page, false).stream().map(Table::rows).toList());
        assertEquals(1, page.tables().size(), "found by its rules, in the image");
        assertTrue(
                MarkdownWriter.page(page)
                        .endsWith("| Step | What to do | Owner |\n| --- | --- | --- |\n"
                                + "| 1 | Collect the signed forms from every team before Friday | Anna |\n"
                                + "| 2 | Check the totals against the budget of last year | Ben |\n"
                                + "| 3 | Send the final report to the board with a short summary | Chris |"),
                MarkdownWriter.page(page));
    }

    @Test
    void proseInvoicesAndListsAreNotTables() {
        assertTrue(Tables.find(
                        engine.read(TestPages.invoiceImage(), 0, "eng").page().blocks())
                .isEmpty());
        assertTrue(Tables.find(
                        engine.read(TestPages.handbookPage(), 0, "eng").page().blocks())
                .isEmpty());
    }
}
