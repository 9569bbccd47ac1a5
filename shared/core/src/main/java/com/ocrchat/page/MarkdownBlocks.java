package com.ocrchat.page;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Markdown read back (commonmark with GFM tables): its top-level blocks as plain text (a table's cells
 * tab-separated, one row per line) and its tables' cells. Used for Markdown the vision model wrote.
 */
public final class MarkdownBlocks {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder()
            .extensions(EXTENSIONS)
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS)
            .build();

    private MarkdownBlocks() {}

    /** The plain text of each top-level block, in order; rules and empty blocks are left out. */
    public static List<String> plainBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        for (Node block = PARSER.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof ThematicBreak) {
                continue;
            }
            String text = block instanceof TableBlock table
                    ? tabSeparated(tableRows(table))
                    : PLAIN.render(block).strip();
            if (!text.isBlank()) {
                blocks.add(text);
            }
        }
        return blocks;
    }

    /** The Markdown's tables, each as rows of cell texts (the header row first). */
    public static List<Table> tables(String markdown) {
        List<Table> tables = new ArrayList<>();
        for (Node block = PARSER.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof TableBlock table) {
                tables.add(new Table(tableRows(table), null));
            }
        }
        return tables;
    }

    /** A parsed table's rows of cell texts. */
    public static List<List<String>> tableRows(Node table) {
        List<List<String>> rows = new ArrayList<>();
        table.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableRow) {
                    List<String> cells = new ArrayList<>();
                    for (Node cell = node.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (cell instanceof TableCell) {
                            cells.add(inlineText(cell).strip());
                        }
                    }
                    rows.add(cells);
                } else {
                    visitChildren(node);
                }
            }
        });
        return rows;
    }

    /** The text of a node's inline content: literals and code, line breaks as newlines, emphasis dropped. */
    public static String inlineText(Node parent) {
        StringBuilder text = new StringBuilder();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text literal) {
                text.append(literal.getLiteral());
            } else if (node instanceof Code code) {
                text.append(code.getLiteral());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                text.append('\n');
            } else {
                text.append(inlineText(node));
            }
        }
        return text.toString();
    }

    private static String tabSeparated(List<List<String>> rows) {
        return String.join(
                "\n", rows.stream().map(row -> String.join("\t", row)).toList());
    }
}
