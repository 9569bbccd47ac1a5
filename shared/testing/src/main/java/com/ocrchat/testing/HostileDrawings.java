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
                        "pdf-two-clips-of-bars-across-each-other", crossedClips(500), "cross more than"),
                // Each cell an image of up to 3000 pixels square, kept while the next is drawn: out of memory.
                new HostileInputs.Hostile("pdf-tiling-patterns-nested-120-deep", nestedPatterns(120), "nest more than"),
                // PDFBox copies the whole graphics state for each: 2 million in a 4 KB file held 1 GB.
                new HostileInputs.Hostile(
                        "pdf-two-million-saves-never-restored",
                        HostilePdfs.onePage("[0 0 612 792]", "q ".repeat(2_000_000) + "0 0 10 10 re f", "", true)
                                .bytes(),
                        "saves its graphics state"),
                // A soft mask's 1,000-token transfer function, run for all 256 greys of every 32-pixel tile: 31 s.
                new HostileInputs.Hostile(
                        "pdf-soft-mask-of-a-1000-token-transfer", softMaskTransfer(), "function steps"));
    }

    private static byte[] nestedPatterns(int depth) {
        RawPdf pdf = HostilePdfs.onePage(
                "[0 0 612 792]", "/Pattern cs /P scn 0 0 612 792 re f", "/Pattern << /P 5 0 R >>", false);
        for (int level = 0; level < depth; level++) {
            boolean last = level == depth - 1;
            pdf.stream(
                    " /Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 1000 1000] /XStep 1000"
                            + " /YStep 1000 /Resources << "
                            + (last ? "" : "/Pattern << /P " + (6 + level) + " 0 R >>") + " >>",
                    ascii(last ? "0 0 1000 1000 re f" : "/Pattern cs /P scn 0 0 1000 1000 re f"),
                    false);
        }
        return pdf.bytes();
    }

    /** A page-sized fill under a soft mask whose group paints all 256 greys in every tile, its /TR a long program. */
    private static byte[] softMaskTransfer() {
        StringBuilder cells = new StringBuilder();
        for (int grey = 0; grey < 256; grey++) {
            cells.append(String.format(
                    java.util.Locale.ROOT, "%.4f g %d %d 1 1 re f\n", grey / 255.0, grey % 16, grey / 16));
        }
        return HostilePdfs.onePage("[0 0 612 792]", "/G gs 0 0 612 792 re f", "/ExtGState << /G 5 0 R >>", false)
                .object("<< /Type /ExtGState /SMask << /Type /Mask /S /Luminosity /G 6 0 R /TR 7 0 R >> >>")
                .stream(
                        " /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Group << /S /Transparency /CS /DeviceGray"
                                + " >> /Resources << /Pattern << /P 8 0 R >> >>",
                        ascii("/Pattern cs /P scn 0 0 612 792 re f"),
                        false)
                .stream(
                        " /FunctionType 4 /Domain [0 1] /Range [0 1]",
                        ascii("{ " + "dup ".repeat(50) + "add dup ".repeat(475) + "}"),
                        false)
                .stream(
                        " /Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 16 16] /XStep 16"
                                + " /YStep 16 /Matrix [0.48 0 0 0.48 0 0] /Resources << >>",
                        ascii(cells.toString()),
                        true)
                .bytes();
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
