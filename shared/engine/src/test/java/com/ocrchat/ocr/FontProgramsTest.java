package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Real fonts, embedded whole: within their budgets, and drawn and read as before. */
class FontProgramsTest {
    private static final String TEXT = "Invoice 2026-11: total 42.50 EUR, paid";

    @Test
    void aWholeEmbeddedFontLosesOnlyItsSubstitutionsAndDrawsTheSamePage() throws IOException {
        byte[] pdf = pdfInAWholeFont();
        BufferedImage before;
        String textBefore;
        Set<String> tablesBefore;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            before = new PDFRenderer(document).renderImageWithDPI(0, 100);
            textBefore = new PDFTextStripper().getText(document);
            tablesBefore = tables(program(document));
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSStream program = program(document);
            TrueTypePrograms.Checked checked = TrueTypePrograms.check(program, bytes(program));
            assertNull(checked.overBudget());
            assertTrue(checked.codes() > 0);
            Set<String> kept = new TreeSet<>(tablesBefore);
            assertTrue(kept.remove("GSUB"), "the font as embedded has substitutions: " + tablesBefore);
            assertTrue(
                    kept.containsAll(Set.of("name", "kern", "fpgm", "prep", "cvt ")), "names, kerning, hinting kept");
            assertEquals(kept, tables(program));
            assertEquals(bytes(program).length, program.getInt(COSName.LENGTH1));
            BufferedImage after = new PDFRenderer(document).renderImageWithDPI(0, 100);
            assertEquals(textBefore, new PDFTextStripper().getText(document));
            assertTrue(textBefore.contains(TEXT));
            assertArrayEquals(pixels(before), pixels(after));
        }
    }

    @Test
    void aWholeCjkFontOfPostScriptOutlinesExpandsWithinItsBudgets() throws IOException {
        // 65,535 glyphs of Type 2 charstrings in each font of the collection: the largest CFF fonts there are.
        File collection = new File("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        assumeTrue(collection.isFile(), "fonts-noto-cjk, which ./ocrchat installs, is not installed");
        List<byte[]> programs = new ArrayList<>();
        try (TrueTypeCollection fonts = new TrueTypeCollection(collection)) {
            fonts.processAllFonts(
                    font -> programs.add(font.getTableBytes(font.getTableMap().get("CFF "))));
        }
        assertTrue(programs.size() >= 5, programs.size() + " fonts");
        for (byte[] program : programs) {
            assertNull(CffPrograms.overBudget(program));
        }
    }

    @Test
    void aPageWhoseFontProgramDoesNotDecodeIsStillReadWithASubstituteAsPdfBoxDoes() throws IOException {
        byte[] pdf;
        try (PDDocument document = Loader.loadPDF(pdfInAWholeFont())) {
            try (OutputStream raw = program(document).createRawOutputStream()) {
                raw.write("not deflated at all".getBytes(StandardCharsets.US_ASCII)); // the stream says FlateDecode
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            pdf = out.toByteArray();
        }
        try (Document document = Documents.open(pdf, new DocumentLimits(100_000_000L, 300))) {
            document.textLayer(0);
            assertTrue(document.render(0).getWidth() > 0);
        }
    }

    private static byte[] pdfInAWholeFont() throws IOException {
        try (PDDocument document = new PDDocument();
                InputStream font = PDDocument.class.getResourceAsStream(
                        "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType0Font whole = PDType0Font.load(document, font, false);
            try (PDPageContentStream contents = new PDPageContentStream(document, page)) {
                contents.beginText();
                contents.setFont(whole, 18);
                contents.newLineAtOffset(72, 700);
                contents.showText(TEXT);
                contents.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The font's program, reached without loading the font (PDFBox would keep the font it loaded). */
    private static COSStream program(PDDocument document) {
        COSDictionary fonts = document.getPage(0).getResources().getCOSObject().getCOSDictionary(COSName.FONT);
        COSDictionary font = fonts.getCOSDictionary(COSName.getPDFName("F1"));
        COSDictionary cidFont =
                (COSDictionary) font.getCOSArray(COSName.DESCENDANT_FONTS).getObject(0);
        return cidFont.getCOSDictionary(COSName.FONT_DESC).getCOSStream(COSName.FONT_FILE2);
    }

    private static Set<String> tables(COSStream program) throws IOException {
        try (TrueTypeFont font = new TTFParser(true).parse(new RandomAccessReadBuffer(bytes(program)))) {
            return new TreeSet<>(font.getTableMap().keySet());
        }
    }

    private static byte[] bytes(COSStream program) throws IOException {
        try (InputStream in = program.createInputStream()) {
            return in.readAllBytes();
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
