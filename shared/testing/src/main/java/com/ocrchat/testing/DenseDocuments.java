package com.ocrchat.testing;

import java.nio.charset.StandardCharsets;

/** PDFs of many words for few bytes: what a page's and a job's word budgets are measured against. */
public final class DenseDocuments {
    private DenseDocuments() {}

    /**
     * A PDF of {@code pages} pages that all draw one content stream (a few KB whatever the count): {@code lines} lines
     * of {@code perLine} copies of {@code word}, in 2-point type (a one-letter word takes 2.3 points, "Loremipsum" 12).
     */
    public static byte[] pdf(int pages, int lines, int perLine, String word) {
        String line = " [" + ("(" + word + ")-600").repeat(perLine) + "] TJ T*";
        String contents = "BT /F1 2 Tf 10 780 Td 3 TL" + line.repeat(lines) + " ET";
        StringBuilder kids = new StringBuilder();
        for (int page = 0; page < pages; page++) {
            kids.append(3 + page).append(" 0 R ");
        }
        RawPdf pdf = new RawPdf()
                .object("<< /Type /Catalog /Pages 2 0 R >>")
                .object("<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>");
        for (int page = 0; page < pages; page++) {
            pdf.object(
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " + (3 + pages)
                            + " 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>");
        }
        return pdf.stream("", contents.getBytes(StandardCharsets.US_ASCII), true)
                .bytes();
    }
}
