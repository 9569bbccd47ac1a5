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
                "a ‹ b"
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

    @ParameterizedTest
    @ValueSource(
            strings = {
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
    void aTableCellIsOneLineAndItsBarsAreText() {
        assertEquals("c d \\| e", MarkdownText.inline("c\nd | e"));
    }
}
