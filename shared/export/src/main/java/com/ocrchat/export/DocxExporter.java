package com.ocrchat.export;

import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobResult;
import com.ocrchat.page.MarkdownBlocks;
import com.ocrchat.page.MarkdownWriter;
import com.ocrchat.page.TextDirection;
import com.ocrchat.page.WellFormedText;
import com.ocrchat.store.PageImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A Word document made with Apache POI from each page's Markdown (parsed with commonmark): headings
 * with Word's heading styles, paragraphs, bulleted and numbered lists, tables as Word tables, a page
 * break between pages, right-to-left paragraphs marked as such.
 */
final class DocxExporter implements Exporter {
    private static final Parser MARKDOWN =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final int[] HEADING_POINTS = {20, 16, 14, 13, 12, 12};
    private static final int TEXT_WIDTH_TWIPS = 9360;
    private static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile("(?i)<br\\s*/?>");

    @Override
    public byte[] export(JobRecord job, JobResult result, PageImages images) {
        boolean eagerTables = job.options().eagerTables();
        return fromMarkdown(job.filename(), MarkdownWriter.pages(result.pages(), eagerTables));
    }

    /** A Word document of the pages' Markdown, a page break between pages. */
    static byte[] fromMarkdown(String title, List<String> pages) {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            addHeadingStyles(document);
            Lists lists = new Lists(document);
            for (int index = 0; index < pages.size(); index++) {
                if (index > 0) {
                    document.createParagraph().createRun().addBreak(BreakType.PAGE);
                }
                Node root = MARKDOWN.parse(pages.get(index));
                for (Node block = root.getFirstChild(); block != null; block = block.getNext()) {
                    writeBlock(document, lists, block);
                }
            }
            document.getProperties().getCoreProperties().setTitle(WellFormedText.of(title));
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeBlock(XWPFDocument document, Lists lists, Node block) {
        String literal = literal(block);
        if (block instanceof Heading heading) {
            XWPFParagraph paragraph = paragraph(document, block);
            paragraph.setStyle("Heading" + heading.getLevel());
        } else if (block instanceof BulletList || block instanceof OrderedList) {
            BigInteger numbering = block instanceof BulletList ? lists.bullets() : lists.newNumbered();
            for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    paragraph(document, item.getFirstChild() == null ? item : item.getFirstChild())
                            .setNumID(numbering);
                }
            }
        } else if (block instanceof TableBlock) {
            writeTable(document, block);
        } else if (literal != null) {
            literalParagraph(document, literal);
        } else if (!(block instanceof ThematicBreak)) {
            paragraph(document, block);
        }
    }

    private static void writeTable(XWPFDocument document, Node table) {
        List<List<String>> rows = MarkdownBlocks.tableRows(table);
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        XWPFTable wordTable = document.createTable(rows.size(), columns);
        // Word's schema asks for the grid of columns POI leaves out: equal columns across a 6.5-inch text width.
        var grid = wordTable.getCTTbl().getTblGrid() != null
                ? wordTable.getCTTbl().getTblGrid()
                : wordTable.getCTTbl().addNewTblGrid();
        for (int c = grid.sizeOfGridColArray(); c < columns; c++) {
            grid.addNewGridCol().setW(BigInteger.valueOf(TEXT_WIDTH_TWIPS / columns));
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = wordTable.getRow(r);
            for (int c = 0; c < columns; c++) {
                String text = c < rows.get(r).size() ? rows.get(r).get(c) : "";
                XWPFParagraph cellParagraph = row.getCell(c).getParagraphs().get(0);
                XWPFRun run = cellParagraph.createRun();
                run.setText(text);
                run.setBold(r == 0);
                markDirection(cellParagraph, text);
            }
        }
    }

    /** The text of a code block or an HTML block (a vision model's {@code <table>}, say), or null for other blocks. */
    private static String literal(Node block) {
        if (block instanceof FencedCodeBlock fenced) {
            return fenced.getLiteral();
        }
        if (block instanceof IndentedCodeBlock indented) {
            return indented.getLiteral();
        }
        return block instanceof HtmlBlock html ? html.getLiteral() : null;
    }

    /** A block's text as it is written, line by line: a Word document shows it rather than dropping it. */
    private static void literalParagraph(XWPFDocument document, String literal) {
        XWPFParagraph paragraph = document.createParagraph();
        String[] lines = literal.stripTrailing().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun run = paragraph.createRun();
            run.setText(lines[i]);
            if (i + 1 < lines.length) {
                run.addBreak();
            }
        }
        markDirection(paragraph, literal);
    }

    /** A paragraph of the block's inline content: text runs, bold and italic, line breaks kept. */
    private static XWPFParagraph paragraph(XWPFDocument document, Node block) {
        XWPFParagraph paragraph = document.createParagraph();
        writeInlines(paragraph, block, false, false);
        markDirection(paragraph, MarkdownBlocks.inlineText(block));
        return paragraph;
    }

    private static void writeInlines(XWPFParagraph paragraph, Node parent, boolean bold, boolean italic) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                XWPFRun run = paragraph.createRun();
                run.setText(text.getLiteral());
                run.setBold(bold);
                run.setItalic(italic);
            } else if (node instanceof Code code) {
                paragraph.createRun().setText(code.getLiteral());
            } else if (node instanceof SoftLineBreak
                    || node instanceof HardLineBreak
                    || (node instanceof HtmlInline html
                            && LINE_BREAK.matcher(html.getLiteral()).matches())) {
                paragraph.createRun().addBreak();
            } else if (node instanceof HtmlInline html) {
                paragraph.createRun().setText(html.getLiteral()); // shown as written, not dropped
            } else {
                writeInlines(
                        paragraph, node, bold || node instanceof StrongEmphasis, italic || node instanceof Emphasis);
            }
        }
    }

    /** Right-to-left paragraphs (their first strong character is Arabic, Hebrew, ...) read right to left in Word. */
    private static void markDirection(XWPFParagraph paragraph, String text) {
        if (TextDirection.isRightToLeft(text)) {
            var properties = paragraph.getCTP().isSetPPr()
                    ? paragraph.getCTP().getPPr()
                    : paragraph.getCTP().addNewPPr();
            properties.addNewBidi();
            for (XWPFRun run : paragraph.getRuns()) {
                var runProperties = run.getCTR().isSetRPr()
                        ? run.getCTR().getRPr()
                        : run.getCTR().addNewRPr();
                if (runProperties.sizeOfRtlArray() == 0) {
                    runProperties.addNewRtl();
                }
            }
        }
    }

    /** Word's built-in "heading 1".."heading 6" styles, so headings show in the navigation pane and outline. */
    private static void addHeadingStyles(XWPFDocument document) {
        XWPFStyles styles = document.createStyles();
        for (int level = 1; level <= HEADING_POINTS.length; level++) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId("Heading" + level);
            style.addNewName().setVal("heading " + level);
            style.addNewBasedOn().setVal("Normal");
            style.addNewNext().setVal("Normal");
            style.addNewUiPriority().setVal(BigInteger.valueOf(9));
            style.addNewQFormat();
            var paragraph = style.addNewPPr();
            paragraph.addNewKeepNext();
            paragraph.addNewSpacing().setBefore(BigInteger.valueOf(240));
            paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
            var run = style.addNewRPr();
            run.addNewB();
            run.addNewSz().setVal(BigInteger.valueOf(HEADING_POINTS[level - 1] * 2L));
            XWPFStyle wordStyle = new XWPFStyle(style);
            wordStyle.setType(STStyleType.PARAGRAPH);
            styles.addStyle(wordStyle);
        }
    }

    /** List numbering: one bullet list definition, and a fresh numbering per numbered list so each starts at 1. */
    private static final class Lists {
        private final XWPFNumbering numbering;
        private final BigInteger bulletDefinition;
        private final BigInteger numberedDefinition;
        private BigInteger bullets;

        Lists(XWPFDocument document) {
            numbering = document.createNumbering();
            bulletDefinition = define(0, STNumberFormat.BULLET, "\u2022");
            numberedDefinition = define(1, STNumberFormat.DECIMAL, "%1.");
        }

        BigInteger bullets() {
            if (bullets == null) {
                bullets = numbering.addNum(bulletDefinition);
            }
            return bullets;
        }

        BigInteger newNumbered() {
            return numbering.addNum(numberedDefinition);
        }

        private BigInteger define(int id, STNumberFormat.Enum format, String text) {
            CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
            definition.setAbstractNumId(BigInteger.valueOf(id));
            CTLvl level = definition.addNewLvl();
            level.setIlvl(BigInteger.ZERO);
            level.addNewStart().setVal(BigInteger.ONE);
            level.addNewNumFmt().setVal(format);
            level.addNewLvlText().setVal(text);
            var indent = level.addNewPPr().addNewInd();
            indent.setLeft(BigInteger.valueOf(720));
            indent.setHanging(BigInteger.valueOf(360));
            return numbering.addAbstractNum(new XWPFAbstractNum(definition, numbering));
        }
    }
}
