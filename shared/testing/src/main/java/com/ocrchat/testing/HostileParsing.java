package com.ocrchat.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The hostile corpus's PDFs whose cost is in PDFBox's parser and its repairs: work done again and again on opening. */
final class HostileParsing {
    private HostileParsing() {}

    static List<HostileInputs.Hostile> pdfs() {
        return List.of(
                // No cross-reference table: PDFBox's repair removed the junk kids one at a time, over 100 s.
                new HostileInputs.Hostile(
                        "pdf-without-cross-references-a-million-junk-kids",
                        new RawPdf()
                                .object("<< /Type /Catalog /Pages 2 0 R >>")
                                .object("<< /Type /Pages /Kids [" + "0 ".repeat(1_000_000) + "3 0 R] /Count 1 >>")
                                .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
                                .bytesWithoutCrossReferences(),
                        null),
                // 20,000 objects, each a string open to the end of the file (269 KB): 2.7 GB of strings kept.
                new HostileInputs.Hostile("pdf-20000-strings-open-to-the-end", openStrings(20_000), "reads more than"),
                // 14,000 cross-reference sections, each a byte off (1 MB): two scans of the file a section, 45 s.
                new HostileInputs.Hostile(
                        "pdf-14000-cross-reference-sections-a-byte-off", sectionsAByteOff(14_000), "reads more than"),
                // 200 objects said to be in an object stream of 8 MB that holds one: parsed again for each (24 s).
                new HostileInputs.Hostile(
                        "pdf-object-stream-missing-200-objects", objectStreamMissing(200, true), "again and again"),
                // The same unfiltered, which no filter counts: 50 s.
                new HostileInputs.Hostile(
                        "pdf-unfiltered-object-stream-missing-200-objects",
                        objectStreamMissing(200, false),
                        "again and again"),
                // Eight deflated cross-reference streams chained by /Prev, 2.5 million entries each, each within the
                // 8 MB a stream may decode to (60 KB): PDFBox maps every entry before it reads an object, 2 GB.
                new HostileInputs.Hostile(
                        "pdf-eight-cross-reference-streams-of-2.5-million-objects",
                        RawPdf.pageListedByStreams(8, 2_500_000, true),
                        "cross-references list more than"),
                // One unfiltered cross-reference stream of 4.5 million one-byte entries, which no filter counts.
                new HostileInputs.Hostile(
                        "pdf-unfiltered-cross-reference-stream-of-4.5-million-objects",
                        RawPdf.pageListedByStreams(1, 4_500_000, false),
                        "cross-references list more than"));
    }

    private static byte[] openStrings(int strings) {
        RawPdf pdf = new RawPdf()
                .object("<< /Type /Catalog /Pages 2 0 R >>")
                .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        for (int i = 1; i < strings; i++) {
            pdf.object("(");
        }
        return pdf.object("(" + ")".repeat(strings)).bytesWithoutCrossReferences();
    }

    private static byte[] sectionsAByteOff(int sections) {
        byte[] page = HostilePdfs.onePage("[0 0 612 792]", "0 0 m", "", false).bytes();
        String text = new String(page, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(text.substring(0, text.lastIndexOf("startxref")));
        int previous = text.lastIndexOf("xref\n0 ");
        for (int i = 0; i < sections; i++) {
            int here = out.length();
            out.append("xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 5 /Root 1 0 R /Prev ")
                    .append(previous + 1)
                    .append(" >>\n");
            previous = here;
        }
        out.append("startxref\n").append(previous).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A page, and an object stream holding an array of 4 million numbers and said to hold objects 10 on too. */
    private static byte[] objectStreamMissing(int missing, boolean deflated) {
        StringBuilder kids = new StringBuilder("3 0 R");
        PackedPdf pdf = new PackedPdf(deflated)
                .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
                .object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
                .pack(java.util.Map.of(5, "[" + "1 ".repeat(4_000_000) + "]"));
        for (int i = 0; i < missing; i++) {
            kids.append(' ').append(10 + i).append(" 0 R");
            pdf.missing(10 + i, 0);
        }
        return pdf.object(2, "<< /Type /Pages /Kids [" + kids + "] /Count 1 >>").bytes();
    }
}
