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
                <0100> <01FF> <0041> % a comment [ with a bracket
                <0200> <0202> [<0061> <0062> <0063>]
                endbfrange
                endcmap CMapName currentdict /CMap defineresource pop end end
                """;
        assertEquals(3 + 256 + 3, PdfCMaps.mappings(stream(cmap)));
    }

    @Test
    void aRangeMapsAt256CodesUnlessItIsTheWholeTwoByteIdentity() throws IOException {
        // PDFBox stops a range when its destination's last byte overflows; the identity it maps in full.
        assertEquals(256, PdfCMaps.mappings(stream("1 beginbfrange <00000000> <FFFFFFFF> <0000> endbfrange")));
        assertEquals(65_536, PdfCMaps.mappings(stream("1 beginbfrange <0000> <FFFF> <0000> endbfrange")));
    }

    private static COSStream stream(String text) throws IOException {
        COSStream stream = new COSStream();
        try (OutputStream out = stream.createOutputStream()) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return stream;
    }
}
