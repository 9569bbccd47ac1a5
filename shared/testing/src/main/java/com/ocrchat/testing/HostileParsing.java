package com.ocrchat.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
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
                        "pdf-object-stream-missing-200-objects", objectStreamMissing(200), "together"));
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

    /** Objects 1-4 a page, 5 an array of 4 million numbers in object stream 6, 10 on said to be there too. */
    private static byte[] objectStreamMissing(int missing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] offsets = new int[10 + missing];
        String kids = "";
        for (int i = 0; i < missing; i++) {
            kids += " " + (10 + i) + " 0 R";
        }
        String[] bodies = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R" + kids + "] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            "[]"
        };
        ascii(out, "%PDF-1.7\n");
        for (int i = 0; i < bodies.length; i++) {
            offsets[i + 1] = out.size();
            ascii(out, (i + 1) + " 0 obj\n" + bodies[i] + "\nendobj\n");
        }
        byte[] numbers = RawPdf.deflate(("5 0 [" + "1 ".repeat(4_000_000) + "]").getBytes(StandardCharsets.US_ASCII));
        offsets[6] = out.size();
        ascii(
                out,
                "6 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length " + numbers.length
                        + " >>\nstream\n");
        out.writeBytes(numbers);
        ascii(out, "\nendstream\nendobj\n");
        int xref = out.size();
        ByteBuffer rows = ByteBuffer.allocate(offsets.length * 7);
        for (int object = 0; object < offsets.length; object++) {
            boolean inStream = object == 5 || object >= 10;
            rows.put((byte) (inStream ? 2 : offsets[object] > 0 || object == 7 ? 1 : 0));
            rows.putInt(inStream ? 6 : object == 7 ? xref : offsets[object]);
            rows.putShort((short) 0);
        }
        byte[] table = RawPdf.deflate(rows.array());
        ascii(
                out,
                "7 0 obj\n<< /Type /XRef /Size " + offsets.length + " /W [1 4 2] /Root 1 0 R /Filter /FlateDecode"
                        + " /Length " + table.length + " >>\nstream\n");
        out.writeBytes(table);
        ascii(out, "\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
