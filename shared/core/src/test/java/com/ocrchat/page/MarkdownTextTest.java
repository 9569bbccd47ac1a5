package com.ocrchat.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Recognized lines that look like Markdown syntax are parsed back as one paragraph of exactly their text. */
class MarkdownTextTest {
    private static final Parser PARSER =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "```",
                "~~~ x",
                "<div>Total due 42</div>",
                "<script>alert(1)</script>",
                "<!-- Total 42 -->",
                "Pay <b>now</b> <img src=x>",
                "[a]: http://evil.example",
                "[click](http://evil.example)",
                "![logo](http://evil.example/x.png)",
                "---",
                "***",
                "* * *",
                "===",
                "# hello world",
                "> quoted",
                "- item",
                "+ item",
                "1. one",
                "12) twelve",
                "2*3*4 = 24",
                "AT&amp;T",
                "&#65;",
                "C:\\*path\\*",
                "ends with a backslash\\",
                "snake_case_name and _emphasis_",
                "| a | b |",
                ":--|--",
                "~~gone~~",
                "<http://evil.example>",
                "    indented",
                "a\\b",
                "&nbsp;",
                "x < y and y > z",
                "T&C apply",
                "3 < 4",
                "[1] Smith",
                "a ‹ b",
                ":--",
                "#tag and # not a heading",
                "-5 °C",
                "+1 more",
                "see [12, 13] and [Smith 2001]",
                "[1]: not a definition",
                "  [2]: nor this",
                "[a] [b] [c](d) [e][f] ![g](h) [i]:",
                "a [b [c] d] e ]",
                "[^1] and [^note]:",
                "[xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx]",
                "= total",
                "##nospace",
                "####### seven"
            })
    void aLineReadsAsItself(String recognized) {
        Node document = PARSER.parse(MarkdownText.line(recognized));

        Node paragraph = document.getFirstChild();
        assertTrue(paragraph instanceof Paragraph && paragraph.getNext() == null, MarkdownText.line(recognized));
        for (Node node = paragraph.getFirstChild(); node != null; node = node.getNext()) {
            assertTrue(node instanceof Text, node + " in " + MarkdownText.line(recognized));
        }
        assertEquals(
                recognized.strip(),
                TextContentRenderer.builder().build().render(document).strip());
    }

    /** Under a line of text, a line of '=' or '-' would make it a heading, a ':--' a table: each is kept as text. */
    @ParameterizedTest
    @ValueSource(strings = {"===", "---", "- - -", "= =", ":--", "-", "--", "-=-"})
    void aLineUnderAnotherReadsAsItself(String recognized) {
        Node document = PARSER.parse("Total\n" + MarkdownText.line(recognized));

        Node paragraph = document.getFirstChild();
        assertTrue(paragraph instanceof Paragraph && paragraph.getNext() == null, MarkdownText.line(recognized));
        assertEquals(
                "Total\n" + recognized,
                TextContentRenderer.builder().build().render(document).strip());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "#tag",
                "-5 °C",
                "+1 more",
                "= total",
                ":00 to 12:00",
                "see [12, 13] and [Smith 2001]",
                "[1] Smith, J.",
                "can be written as [10]:",
                "7.1 Hash functions",
                "Invoice 42: due Monday",
                "snake_case",
                "T&C",
                "e-mail",
                "100 %",
                "Straße 5"
            })
    void ordinaryTextIsLeftAsItIs(String recognized) {
        assertEquals(recognized, MarkdownText.line(recognized));
    }

    @org.junit.jupiter.api.Test
    void aHeadingKeepsItsClosingHashes() {
        Node document = PARSER.parse("# " + MarkdownText.heading("Section #"));

        assertEquals(
                "Section #",
                TextContentRenderer.builder().build().render(document).strip());
    }

    @org.junit.jupiter.api.Test
    void runsOfBracketsParseInLinearTime() {
        String hostile = "![".repeat(80_000) + "a" + "]".repeat(80_000) + "<".repeat(80_000);

        Node document = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10), () -> PARSER.parse(MarkdownText.line(hostile)));

        assertEquals(
                hostile, TextContentRenderer.builder().build().render(document).strip());
    }

    @org.junit.jupiter.api.Test
    void aListItemStartingWithBracketsDefinesNoLink() {
        Node document = PARSER.parse("- " + MarkdownText.inline("[1]: http://evil.example") + "\n\n[1]");

        assertEquals(
                "- [1]: http://evil.example\n[1]",
                TextContentRenderer.builder().build().render(document).strip());
    }

    @org.junit.jupiter.api.Test
    void aListItemStartingLikeATaskKeepsItsBracketsAsText() {
        assertEquals("\\[ \\] todo", MarkdownText.inline("[ ] todo"));
        assertEquals("\\[x\\] done, see [12]", MarkdownText.inline("[x] done, see [12]"));
    }

    @org.junit.jupiter.api.Test
    void plainBracketsParseInLinearTime() {
        String cited = "see [1] and [Smith 2001] ".repeat(50_000);

        Node document = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10), () -> PARSER.parse(MarkdownText.line(cited)));

        assertEquals(
                cited.strip(),
                TextContentRenderer.builder().build().render(document).strip());
    }

    @org.junit.jupiter.api.Test
    void aTableCellIsOneLineAndItsBarsAreText() {
        assertEquals("c d \\| e", MarkdownText.inline("c\nd | e"));
    }
}
