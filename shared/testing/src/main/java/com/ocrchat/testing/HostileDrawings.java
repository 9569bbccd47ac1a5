package com.ocrchat.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The hostile corpus's PDFs whose cost is in drawing, not in operators: a calculator stack that doubles, groups
 * nested past any page's need, a page-sized mask of 416 megapixels, clips crossing each other.
 */
final class HostileDrawings {
    private HostileDrawings() {}

    static List<HostileInputs.Hostile> pdfs() {
        StringBuilder doubling = new StringBuilder("{ 1");
        for (int copies = 1; copies <= 1 << 24; copies *= 2) {
            doubling.append(' ').append(copies).append(" copy");
        }
        return List.of(
                // 58 tokens: PDFBox's stack has no limit, and each copy doubled it until the heap was full.
                new HostileInputs.Hostile(
                        "pdf-gradient-of-a-calculator-function-doubling-its-stack",
                        HostilePdfs.gradient("/FunctionType 4 /Domain [0 1] /Range [0 1]", ascii(doubling + " pop }")),
                        "values on its stack"),
                // Each group is a buffer of the page: 50 nested took 1.7 GB.
                new HostileInputs.Hostile("pdf-50-nested-transparency-groups", nestedGroups(50), "nest more than"),
                // 4.2 times the raster of a page 4800 points square, but PDFBox paints a mask 4 bytes a pixel: 1.7 GB.
                new HostileInputs.Hostile(
                        "pdf-stencil-mask-of-416-megapixels-on-a-large-page",
                        HostilePdfs.onePage(
                                        "[0 0 4800 4800]",
                                        "q 4800 0 0 4800 0 0 cm /M Do Q",
                                        "/XObject << /M 5 0 R >>",
                                        false)
                                .stream(
                                        " /Type /XObject /Subtype /Image /Width 20400 /Height 20400 /ImageMask true",
                                        new byte[0],
                                        false)
                                .bytes(),
                        "more than 72"),
                // Two clips of 500 thin bars, across each other: plain alone, a million crossings together (78 s).
                new HostileInputs.Hostile(
                        "pdf-two-clips-of-bars-across-each-other", crossedClips(500), "cross more than"));
    }

    private static byte[] crossedClips(int bars) {
        StringBuilder columns = new StringBuilder();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < bars; i++) {
            columns.append(50 + i).append(" 10 0.5 700 re\n");
            rows.append("10 ").append(100 + i).append(" 560 0.5 re\n");
        }
        return HostilePdfs.onePage("[0 0 612 792]", columns + "W n\n" + rows + "W n 0 0 612 792 re f", "", false)
                .bytes();
    }

    /** Form 1 a transparency group drawing form 2, and so on, {@code depth} deep, the last a filled square. */
    private static byte[] nestedGroups(int depth) {
        RawPdf pdf = HostilePdfs.onePage("[0 0 612 792]", "/G Do", "/XObject << /G 5 0 R >>", false);
        for (int level = 0; level < depth; level++) {
            boolean last = level == depth - 1;
            pdf.stream(
                    " /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Group << /S /Transparency >>"
                            + (last ? "" : " /Resources << /XObject << /G " + (6 + level) + " 0 R >> >>"),
                    ascii(last ? "0 0 10 10 re f" : "/G Do"),
                    false);
        }
        return pdf.bytes();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
