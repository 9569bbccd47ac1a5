package com.ocrchat.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The hostile corpus's PDFs whose cost is in reading a page's own text layer (PDFBox's text stripper, its fonts' metrics
 * and CMaps) and in the operands its content streams pile up.
 */
final class HostileTextLayers {
    private HostileTextLayers() {}

    private static final String HELVETICA = "/F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    private static final String LINE = "BT /F1 10 Tf 50 700 Td (Ordinary visible text here) Tj ET ";

    static List<HostileInputs.Hostile> pdfs() {
        return List.of(
                // 1,000 glyphs each standing for the same 1 MB /ActualText, kept in a deflated object stream: 2 GB.
                new HostileInputs.Hostile("pdf-1000-glyphs-of-a-megabyte-of-actual-text", actualText(1000), null),
                // One TJ of 100,000 glyphs edging up and across: PDFBox's check for text drawn twice, quadratic, 150 s.
                new HostileInputs.Hostile("pdf-100000-glyphs-edging-past-each-other", glyphsEdging(100_000), null),
                // Glyphs each mapped by a ToUnicode range to 127 characters: 250 million characters, out of memory.
                new HostileInputs.Hostile("pdf-2-million-glyphs-of-127-characters", fatGlyphs(2000, 990), null),
                // 15 ranges of 65,536 codes, each to 127 characters (2 KB): within the count of codes, 1.3 GB.
                new HostileInputs.Hostile("pdf-tounicode-ranges-to-127-characters", fatRanges(15), "maps more than"),
                // A composite font's /W giving one width to 100 million CIDs (1 KB): PDFBox maps each, out of memory.
                new HostileInputs.Hostile(
                        "pdf-cid-font-widths-for-100-million-codes", widths(100_000_000), "gives widths"),
                // A range ending at 2^31 - 1: PDFBox's int loop never ends.
                new HostileInputs.Hostile(
                        "pdf-cid-font-widths-to-the-last-int", widths(Integer.MAX_VALUE), "gives widths"),
                // A form of 6.3 million "[()]" before its Do, drawing itself (47 KB): 1.2 GB a level, out of memory.
                new HostileInputs.Hostile("pdf-form-piling-6-million-operands", operandPile(6_300_000), "of operands"),
                // One array of 6 million strings, a stray word between each, which PDFBox skips inside an array.
                new HostileInputs.Hostile(
                        "pdf-array-of-6-million-strings-and-stray-words",
                        contents("[" + "() x ".repeat(6_000_000) + "] TJ"),
                        "of operands"),
                // A page's contents given as 300 parts, each the same 48,000 "[()]" without an operator: one pile.
                new HostileInputs.Hostile("pdf-contents-of-300-parts-piling-operands", partsPiling(300), "of operands"),
                // Inline image data ending at "xEI", no space before: PDFBox parses what follows as operands.
                new HostileInputs.Hostile(
                        "pdf-inline-image-ending-without-a-space-before-a-pile",
                        contents("q BI /W 1 /H 1 /CS /G /BPC 8 ID xEI\nQ " + "[()] ".repeat(70_000) + "n"),
                        "of operands"),
                // /W [0 /X 5 0 100000000 500]: PDFBox takes /X's width and then maps the range.
                new HostileInputs.Hostile(
                        "pdf-cid-font-widths-after-a-skipped-entry", widths("0 /X 5 0 100000000 500"), "gives widths"),
                // Eight fonts sharing one /Differences of 2.6 million names (8 KB deflated): each maps them all.
                new HostileInputs.Hostile("pdf-eight-fonts-sharing-2.6-million-names", sharedNames(8), "or names"),
                // Five pages drawing one 2 KB content stream of 60,000 one-letter words: a result no heap here holds.
                new HostileInputs.Hostile(
                        "pdf-5-pages-of-60000-one-letter-words", DenseDocuments.pdf(5, 240, 250, "a"), "words"),
                // One glyph scaled a billion times across: its box a billion points wide.
                new HostileInputs.Hostile(
                        "pdf-one-glyph-a-billion-points-wide",
                        contents("BT /F1 10 Tf 1000000000 Tz 10 700 Td (A) Tj ET " + LINE),
                        null));
    }

    private static byte[] contents(String contents) {
        return HostilePdfs.onePage("[0 0 612 792]", contents, "/Font << " + HELVETICA + " >>", true)
                .bytes();
    }

    private static byte[] sharedNames(int fonts) {
        StringBuilder resources = new StringBuilder();
        StringBuilder shown = new StringBuilder("BT");
        for (int font = 0; font < fonts; font++) {
            resources
                    .append(" /F")
                    .append(font)
                    .append(" << /Type /Font /Subtype /Type1 /BaseFont /Helvetica")
                    .append(" /Encoding << /Differences 6 0 R >> >>");
            shown.append(" /F")
                    .append(font)
                    .append(" 10 Tf 50 ")
                    .append(700 - 20 * font)
                    .append(" Td (A) Tj");
        }
        String contents = LINE + shown + " ET";
        return new PackedPdf(true)
                .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
                .object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object(
                        3,
                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << "
                                + HELVETICA + resources + " >> >> >>")
                .object(4, "<< /Length " + contents.length() + " >>\nstream\n" + contents + "\nendstream")
                .pack(Map.of(6, "[0 " + "/A ".repeat(2_600_000) + "]"))
                .bytes();
    }

    private static byte[] partsPiling(int parts) {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < parts; i++) {
            array.append("4 0 R ");
        }
        return new RawPdf()
                        .object("<< /Type /Catalog /Pages 2 0 R >>")
                        .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                        .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " + array + "] >>")
                        .stream("", "[()] ".repeat(48_000).getBytes(StandardCharsets.US_ASCII), true)
                        .bytes();
    }

    private static byte[] actualText(int glyphs) {
        String contents = LINE + "BT /F1 10 Tf " + "/Span /P1 BDC 1 0 0 1 50 600 Tm (a) Tj EMC ".repeat(glyphs) + "ET";
        return new PackedPdf(true)
                .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
                .object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object(
                        3,
                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << "
                                + HELVETICA + " >> /Properties << /P1 5 0 R >> >> >>")
                .object(4, "<< /Length " + contents.length() + " >>\nstream\n" + contents + "\nendstream")
                .pack(Map.of(5, "<< /ActualText (" + "word ".repeat(1 << 18) + ") >>"))
                .bytes();
    }

    /** A line turned nearly upright, each glyph a hair across and more than its overlap up from the one before. */
    private static byte[] glyphsEdging(int glyphs) {
        double step = 0.9 / (3 * glyphs);
        double slant = 1.5 * step * 200;
        String contents = LINE
                + String.format(
                        java.util.Locale.ROOT,
                        "BT /F1 1 Tf %.9f 200 -200 %.9f 0.001 100 Tm [%s] TJ ET",
                        slant,
                        slant,
                        String.format(java.util.Locale.ROOT, "(l) %.6f ", 1000 * (1 - step))
                                .repeat(glyphs));
        String widths = "1000 ".repeat(91);
        return HostilePdfs.onePage(
                        "[0 0 612 792]",
                        contents,
                        "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 122"
                                + " /Widths [" + widths + "] >> >>",
                        true)
                .bytes();
    }

    private static byte[] fatGlyphs(int lines, int perLine) {
        String text = "abcdefghij".repeat(perLine / 10 + 1).substring(0, perLine);
        String contents = "BT /F1 12 Tf 5 785 Td "
                + ("(" + text + ") Tj 0 -" + String.format(java.util.Locale.ROOT, "%.4f", 780.0 / lines) + " Td ")
                        .repeat(lines)
                + "ET";
        return fontWithToUnicode(contents, "<00> <FF>", "1 beginbfrange\n<20> <7A> <" + "4E00".repeat(127) + ">\n");
    }

    private static byte[] fatRanges(int ranges) {
        return fontWithToUnicode(
                LINE,
                "<0000> <FFFF>",
                ranges + " beginbfrange\n" + ("<0000> <FFFF> <" + "4E00".repeat(127) + ">\n").repeat(ranges));
    }

    private static byte[] fontWithToUnicode(String contents, String codeSpace, String ranges) {
        String cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Fat def /CMapType 2 def "
                + "1 begincodespacerange " + codeSpace + " endcodespacerange\n" + ranges
                + "endbfrange endcmap CMapName currentdict /CMap defineresource pop end end";
        return new RawPdf()
                        .object("<< /Type /Catalog /Pages 2 0 R >>")
                        .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                        .object(
                                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1"
                                        + " << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 5 0 R /FirstChar 32"
                                        + " /LastChar 122 /Widths [" + "50 ".repeat(91) + "] >> >> >> >>")
                        .stream("", contents.getBytes(StandardCharsets.US_ASCII), true)
                        .stream("", cmap.getBytes(StandardCharsets.US_ASCII), true)
                        .bytes();
    }

    private static byte[] widths(int last) {
        return widths("0 " + last + " 500");
    }

    private static byte[] widths(String entries) {
        String font = "<< /Type /Font /Subtype /Type0 /BaseFont /Foo /Encoding /Identity-H /DescendantFonts [<< /Type"
                + " /Font /Subtype /CIDFontType2 /BaseFont /Foo /CIDSystemInfo << /Registry (Adobe) /Ordering"
                + " (Identity) /Supplement 0 >> /FontDescriptor << /Type /FontDescriptor /FontName /Foo /Flags 4"
                + " /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>"
                + " /W [" + entries + "] >>] >>";
        return HostilePdfs.onePage(
                        "[0 0 612 792]",
                        "BT /F1 10 Tf 50 700 Td (Ordinary visible text here) Tj /F2 12 Tf 0 -20 Td <00410042> Tj ET",
                        "/Font << " + HELVETICA + " /F2 " + font + " >>",
                        true)
                .bytes();
    }

    private static byte[] operandPile(int operands) {
        return new RawPdf()
                        .object("<< /Type /Catalog /Pages 2 0 R >>")
                        .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                        .object(
                                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << "
                                        + HELVETICA + " >> /XObject << /Fm1 5 0 R >> >> >>")
                        .stream("", (LINE + "/Fm1 Do").getBytes(StandardCharsets.US_ASCII), true)
                        .stream(
                                "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /Fm1 5 0 R >> >>",
                                ("/Fm1 " + "[()] ".repeat(operands) + "Do").getBytes(StandardCharsets.US_ASCII),
                                true)
                        .bytes();
    }
}
