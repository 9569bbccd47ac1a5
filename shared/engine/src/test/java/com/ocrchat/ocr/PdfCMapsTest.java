package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSStream;
import org.junit.jupiter.api.Test;

/** The mappings of a CMap counted as PDFBox makes them, before it parses it. */
class PdfCMapsTest {
    @Test
    void aToUnicodeCMapCountsItsCharactersAndItsRangesCodeByCode() throws IOException {
        String cmap = """
                /CIDInit /ProcSet findresource begin 12 dict begin begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                1 begincodespacerange <0000> <FFFF> endcodespacerange
                3 beginbfchar
                <0003> <0020> <0011> <002E> <0024> <0041>
                endbfchar
                2 beginbfrange
                <0100> <01FF> <0041>
                <0200> <0202> [<0061> <0062> <0063>]
                endbfrange
                endcmap CMapName currentdict /CMap defineresource pop end end
                """;
        assertEquals(3 + 256 + 3, PdfCMaps.mappings(stream(cmap)));
    }

    @Test
    void aRangeMapsEveryCodeInItAsPdfBoxReadsTheCodes() throws IOException {
        // An embedded CMap is parsed leniently: one line asks for 16 million codes.
        assertEquals(16_777_216, PdfCMaps.mappings(stream("1 beginbfrange <00000000> <00FFFFFF> <0000> endbfrange")));
        assertEquals(65_536, PdfCMaps.mappings(stream("1 beginbfrange <0000> <FFFF> <0000> endbfrange")));
        // As ints, FFFFFFFF is below 0, and PDFBox leaves the section.
        assertEquals(0, PdfCMaps.mappings(stream("1 beginbfrange <00000000> <FFFFFFFF> <0000> endbfrange")));
        // A number glued to the operator is still the count, as PDFBox reads it.
        assertEquals(
                512, PdfCMaps.mappings(stream("2beginbfrange <0000> <00FF> <0000> <0100> <01FF> <0000> endbfrange")));
    }

    @Test
    void tokensPdfBoxReadsAsOneCannotHideARange() throws IOException {
        // PDFBox ends a string at its first ')', escaped or not; what follows is parsed, and counted.
        assertEquals(
                1_048_576,
                PdfCMaps.mappings(
                        stream("/Registry (x\\) def 1 beginbfrange <00000000> <000FFFFF> <0000> endbfrange % )")));
    }

    private static COSStream stream(String text) throws IOException {
        COSStream stream = new COSStream();
        try (OutputStream out = stream.createOutputStream()) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return stream;
    }
}
