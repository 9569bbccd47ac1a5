package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.error.UnsupportedDocument;
import com.ocrchat.testing.RawPdf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Page trees other readers accept though their counts are wrong: their pages are read as the tree holds them. */
class PdfPageTreeTest {
    private static final DocumentLimits LIMITS = new DocumentLimits(100_000_000L, 150);

    @Test
    void aTreeCountingFourPagesButHoldingThreeIsReadAsThreeInOrderWithWhatTheyInherit() {
        // The first two pages under a node counting one; the box and the font are given at the root only.
        List<String> texts = read(
                "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 4 /MediaBox [0 0 612 792] /Resources " + FONT + " >>",
                "<< /Type /Pages /Parent 2 0 R /Kids [4 0 R 5 0 R] /Count 1 >>",
                page(3, 7),
                page(3, 8),
                page(2, 9),
                contents("The first page of the tree"),
                contents("The second page of the tree"),
                contents("The third page of the tree"));
        assertEquals(
                List.of("The first page of the tree", "The second page of the tree", "The third page of the tree"),
                texts);
    }

    @Test
    void aPageListedTwiceIsReadTwice() {
        List<String> texts = read(
                "<< /Type /Pages /Kids [3 0 R 4 0 R 3 0 R] /Count 3 /MediaBox [0 0 612 792] /Resources " + FONT + " >>",
                page(2, 5),
                page(2, 6),
                contents("A page shown twice over"),
                contents("The page between them"));
        assertEquals(List.of("A page shown twice over", "The page between them", "A page shown twice over"), texts);
    }

    @Test
    void aNodeOfAMillionJunkKidsIsWalkedOnceNotForEveryPage() {
        // PDFBox walks every kid of a node to find page N, 300 times here: 43 s before the tree was made flat.
        String kids = "0 ".repeat(1_000_000) + "3 0 R ".repeat(300);
        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
            List<String> texts = read(
                    "<< /Type /Pages /Kids [" + kids + "] /Count 300 /MediaBox [0 0 612 792] /Resources " + FONT
                            + " >>",
                    page(2, 4),
                    contents("One page listed three hundred times"));
            assertEquals(300, texts.size());
            assertEquals("One page listed three hundred times", texts.get(299));
        });
    }

    @Test
    void aFileWithoutCrossReferencesAndAMillionJunkKidsOpensInSeconds() {
        // PDFBox's repair of such a file removed the junk one kid at a time: over 100 s inside Loader.loadPDF.
        String kids = "0 ".repeat(1_000_000) + "3 0 R";
        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
            RawPdf pdf = pdf(
                    "<< /Type /Pages /Kids [" + kids + "] /Count 1 /MediaBox [0 0 612 792] /Resources " + FONT + " >>",
                    page(2, 4),
                    contents("The one page among a million junk kids"));
            assertEquals(List.of("The one page among a million junk kids"), read(pdf.bytesWithoutCrossReferences()));
        });
    }

    @Test
    void aFileWithoutCrossReferencesChainedTwoHundredThousandDeepIsRefusedNotOverflowed() {
        RawPdf pdf = pdf();
        int depth = 200_000;
        for (int node = 2; node < depth + 2; node++) {
            pdf.object("<< /Type /Pages /Kids [" + (node + 1) + " 0 R] /Count 1 >>");
        }
        pdf.object("<< /Type /Page /MediaBox [0 0 612 792] >>");
        UnsupportedDocument refused = assertThrows(
                UnsupportedDocument.class, () -> Documents.open(pdf.bytesWithoutCrossReferences(), LIMITS));
        // Whether PDFBox's walk overflows 64 MB first or ours stops at 64 levels depends on how compiled its frames
        // are.
        assertTrue(
                Set.of(
                                "The PDF is corrupt or truncated and cannot be read (its objects nest too deep)",
                                "The PDF is corrupt or truncated and cannot be read (its page tree is nested too deep)")
                        .contains(refused.getMessage()),
                refused.getMessage());
    }

    @Test
    void aFileWithoutCrossReferencesAndAFlatOutlineOfTenThousandBookmarksIsRead() {
        // PDFBox walks a rebuilt file's objects recursively: 3,000 bookmarks chained by /Next overflowed 1 MB of stack.
        int bookmarks = 10_000;
        RawPdf pdf = new RawPdf()
                .object("<< /Type /Catalog /Pages 2 0 R /Outlines 5 0 R >>")
                .object(ONE_PAGE_NODE)
                .object(page(2, 4))
                .object(contents("A page of a book with ten thousand bookmarks"))
                .object("<< /Type /Outlines /First 6 0 R /Last " + (5 + bookmarks) + " 0 R /Count " + bookmarks
                        + " >>");
        for (int bookmark = 6; bookmark < 6 + bookmarks; bookmark++) {
            pdf.object("<< /Title (Entry " + bookmark + ") /Parent 5 0 R /Dest [3 0 R /Fit]"
                    + (bookmark > 6 ? " /Prev " + (bookmark - 1) + " 0 R" : "")
                    + (bookmark < 5 + bookmarks ? " /Next " + (bookmark + 1) + " 0 R" : "") + " >>");
        }
        assertEquals(List.of("A page of a book with ten thousand bookmarks"), read(pdf.bytesWithoutCrossReferences()));
    }

    @Test
    void aDamagedFileOfFortyEightMegabytesOpens() {
        // Rebuilding its cross-references PDFBox reads it whole about six times, 289 MB: within what a file may read.
        RawPdf pdf = pdf(ONE_PAGE_NODE, page(2, 4), contents("A page beside a scan of forty-eight megabytes"));
        pdf.stream(
                " /Type /XObject /Subtype /Image /Width 7000 /Height 7200 /BitsPerComponent 8 /ColorSpace"
                        + " /DeviceGray",
                new byte[7000 * 7200],
                false);
        assertEquals(List.of("A page beside a scan of forty-eight megabytes"), read(pdf.bytesWithoutCrossReferences()));
    }

    @Test
    void aDamagedFileWhoseObjectStreamsListMoreThanFourMillionObjectsIsRefused() {
        // PDFBox's search of a file without cross-references maps every object its object streams list.
        RawPdf pdf = pdf(ONE_PAGE_NODE, page(2, 4), contents("A page"));
        for (int stream = 0; stream < 6; stream++) {
            StringBuilder header = new StringBuilder();
            for (int i = 0; i < 750_000; i++) {
                header.append(1_000 + stream * 750_000 + i).append(" 0 ");
            }
            pdf.stream(
                    " /Type /ObjStm /N 750000 /First " + header.length(),
                    header.append("null").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    true);
        }
        com.ocrchat.error.LimitExceeded refused = assertThrows(
                com.ocrchat.error.LimitExceeded.class,
                () -> PdfDocument.open(pdf.bytesWithoutCrossReferences(), LIMITS));
        assertTrue(
                refused.getMessage().contains("cross-references list more than 4,000,000 objects"),
                refused.getMessage());
    }

    @Test
    void aFileOfMoreThanFourMillionObjectHeadersIsRefusedBeforePdfBoxSearchesIt() {
        RawPdf pdf = pdf(ONE_PAGE_NODE, page(2, 4), contents("A page"));
        StringBuilder headers = new StringBuilder(); // distinct objects, each a map entry to PDFBox's search
        for (int object = 10; object < 4_100_010; object++) {
            headers.append(object).append(" 0 obj ");
        }
        pdf.stream("", headers.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII), false);
        com.ocrchat.error.LimitExceeded refused = assertThrows(
                com.ocrchat.error.LimitExceeded.class,
                () -> PdfDocument.open(pdf.bytesWithoutCrossReferences(), LIMITS));
        assertTrue(refused.getMessage().contains("more than 4,000,000 objects"), refused.getMessage());
    }

    @Test
    void aFileListingThreeMillionObjectsInTwoCrossReferenceStreamsOpens() {
        // Within the 4 million entries PDFBox may map (8 million were refused: HostileParsing).
        try (PdfDocument pdf = PdfDocument.open(RawPdf.pageListedByStreams(2, 1_500_000, true), LIMITS)) {
            assertEquals(1, pdf.pageCount());
        }
    }

    @Test
    void pagesInFiveObjectStreamsOfEightMegabytesOpenEachDecodedOnce() {
        // As a tagged book packs its pages among their structure: 38 MB of object streams, each decoded once.
        com.ocrchat.testing.PackedPdf pdf = new com.ocrchat.testing.PackedPdf(true)
                .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
                .object(
                        2,
                        "<< /Type /Pages /Kids [10 0 R 11 0 R 12 0 R 13 0 R 14 0 R] /Count 5"
                                + " /MediaBox [0 0 612 792] /Resources " + FONT + " >>")
                .object(3, contents("A page packed among its structure"));
        for (int page = 0; page < 5; page++) {
            pdf.pack(java.util.Map.of(
                    10 + page,
                    "<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>",
                    20 + page,
                    "[" + "0 ".repeat(3_800_000) + "]"));
        }
        List<String> texts = read(pdf.bytes());
        assertEquals(5, texts.size());
        assertEquals("A page packed among its structure", texts.get(4));
    }

    @Test
    void aPageWithKidsIsANodeOfPagesAsPdfboxTellsOne() {
        List<String> texts = read(
                ONE_PAGE_NODE,
                "<< /Type /Page /Kids [4 0 R] >>",
                page(3, 5),
                contents("The page below a page with kids"));
        assertEquals(List.of("The page below a page with kids"), texts);
    }

    private static final String FONT = "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>";

    /** Object 2: a node of the one page 3, giving it a letter box and the font. */
    private static final String ONE_PAGE_NODE =
            "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] /Resources " + FONT + " >>";

    private static String page(int parent, int contents) {
        return "<< /Type /Page /Parent " + parent + " 0 R /Contents " + contents + " 0 R >>";
    }

    private static String contents(String text) {
        String drawn = "BT /F1 14 Tf 72 700 Td (" + text + ") Tj ET";
        return "<< /Length " + drawn.length() + " >>\nstream\n" + drawn + "\nendstream";
    }

    /** Each page's text layer, of a PDF of these objects (from number 2) after the catalog. */
    private static List<String> read(String... objects) {
        return read(pdf(objects).bytes());
    }

    private static RawPdf pdf(String... objects) {
        RawPdf pdf = new RawPdf().object("<< /Type /Catalog /Pages 2 0 R >>");
        for (String object : objects) {
            pdf.object(object);
        }
        return pdf;
    }

    private static List<String> read(byte[] pdf) {
        try (Document document = Documents.open(pdf, LIMITS)) {
            List<String> texts = new ArrayList<>();
            for (int index = 0; index < document.pageCount(); index++) {
                texts.add(document.textLayer(index).orElseThrow().text());
            }
            return texts;
        }
    }
}
