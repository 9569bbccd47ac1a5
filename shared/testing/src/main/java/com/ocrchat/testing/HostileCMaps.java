package com.ocrchat.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The hostile corpus's CMaps: fonts whose CMaps PDFBox expands, code by code, into more entries than a heap holds. */
final class HostileCMaps {
    private HostileCMaps() {}

    static List<HostileInputs.Hostile> pdfs() {
        return List.of(
                // PDFBox expands each range of a font's CMap code by code: 12 MB of them filled a 2 GB heap.
                new HostileInputs.Hostile(
                        "pdf-tounicode-cmap-of-8192-ranges-of-256-codes",
                        HostileStreams.page(
                                        "",
                                        "BT /F1 12 Tf 72 720 Td (cmap) Tj ET".getBytes(StandardCharsets.US_ASCII),
                                        "/Font << /F1 5 0 R >>")
                                .object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>")
                                .stream("/Filter /FlateDecode", RawPdf.deflate(toUnicodeRanges(8192)), false)
                                .bytes(),
                        "CMap"),
                // An embedded CMap is parsed leniently: one line of 40 bytes asks for 16 million codes.
                new HostileInputs.Hostile(
                        "pdf-tounicode-cmap-of-one-line-of-16-million-codes",
                        fontsSharingACMap(1, "/F1", "<00000000> <00FFFFFF> <0000>"),
                        "CMap"),
                // A resource may be named anything, even what links elsewhere in a page (/P, its parent page).
                new HostileInputs.Hostile(
                        "pdf-font-named-p-with-a-cmap-of-16-million-codes",
                        fontsSharingACMap(1, "/P", "<00000000> <00FFFFFF> <0000>"),
                        "CMap"),
                // Page 1 shows text in four fonts of 900,000 codes; page 2 reaches a fifth, and shows text in all five.
                new HostileInputs.Hostile(
                        "pdf-second-page-showing-text-in-four-fonts-of-900000-codes-of-the-first-and-a-fifth",
                        fontsOfAnEarlierPage(5, "<00000000> <000DBB9F> <0000>"),
                        "fonts it shows text in"),
                // Each font parses its own copy of a CMap it shares: five of 900,000 codes on one page.
                new HostileInputs.Hostile(
                        "pdf-five-fonts-sharing-a-cmap-of-900000-codes",
                        fontsSharingACMap(5, "/F", "<00000000> <000DBB9F> <0000>"),
                        "CMaps of its fonts"));
    }

    /** A page of text in {@code fonts} fonts (named with this prefix) that share one ToUnicode CMap of this range. */
    private static byte[] fontsSharingACMap(int fonts, String prefix, String range) {
        StringBuilder names = new StringBuilder("/Font <<");
        StringBuilder text = new StringBuilder("BT 72 720 Td");
        for (int font = 1; font <= fonts; font++) {
            String name = prefix + (fonts > 1 ? String.valueOf(font) : "");
            names.append(' ').append(name).append(' ').append(4 + font).append(" 0 R");
            text.append(' ').append(name).append(" 12 Tf (cmap) Tj");
        }
        RawPdf pdf = HostileStreams.page("", (text + " ET").getBytes(StandardCharsets.US_ASCII), names + " >>");
        for (int font = 1; font <= fonts; font++) {
            pdf.object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode " + (5 + fonts) + " 0 R >>");
        }
        String cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                + "1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
                + "1 beginbfrange " + range + " endbfrange\nendcmap end end\n";
        return pdf.stream("", cmap.getBytes(StandardCharsets.US_ASCII), false).bytes();
    }

    /**
     * A page showing text in all but one of these fonts (each with its own ToUnicode CMap of this range), then a page
     * showing text in all of them: the second is the first to reach only the last font, but holds them all at once.
     */
    private static byte[] fontsOfAnEarlierPage(int fonts, String range) {
        RawPdf pdf = new RawPdf()
                .object("<< /Type /Catalog /Pages 2 0 R >>")
                .object("<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>");
        StringBuilder earlier = new StringBuilder();
        StringBuilder all = new StringBuilder();
        StringBuilder earlierText = new StringBuilder("BT 72 720 Td");
        StringBuilder allText = new StringBuilder("BT 72 720 Td");
        for (int font = 0; font < fonts; font++) {
            String resource = " /F" + font + " " + (7 + 2 * font) + " 0 R";
            String shown = " /F" + font + " 12 Tf (cmap) Tj";
            all.append(resource);
            allText.append(shown);
            if (font < fonts - 1) {
                earlier.append(resource);
                earlierText.append(shown);
            }
        }
        for (String[] page :
                new String[][] {{earlier.toString(), earlierText + " ET", "4"}, {all.toString(), allText + " ET", "6"}
                }) {
            pdf
                    .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " + page[2]
                            + " 0 R /Resources << /Font <<" + page[0] + " >> >> >>")
                    .stream("", page[1].getBytes(StandardCharsets.US_ASCII), false);
        }
        String cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                + "1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
                + "1 beginbfrange " + range + " endbfrange\nendcmap end end\n";
        for (int font = 0; font < fonts; font++) {
            pdf
                    .object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode " + (8 + 2 * font)
                            + " 0 R >>")
                    .stream("", cmap.getBytes(StandardCharsets.US_ASCII), false);
        }
        return pdf.bytes();
    }

    /** A ToUnicode CMap of this many four-byte ranges of 256 codes each, none of them the same. */
    private static byte[] toUnicodeRanges(int ranges) {
        StringBuilder cmap = new StringBuilder("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                + "1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n");
        for (int i = 0; i < ranges; i += 100) {
            cmap.append("100 beginbfrange\n");
            for (int range = i; range < i + 100; range++) {
                cmap.append(String.format("<%06X00> <%06XFF> <0000>%n", range, range));
            }
            cmap.append("endbfrange\n");
        }
        cmap.append("endcmap CMapName currentdict /CMap defineresource pop end end\n");
        return cmap.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
