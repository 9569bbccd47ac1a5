package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.junit.jupiter.api.Test;

/** PDFBox's filters held to the budget of the thread decoding, and otherwise decoding as before. */
class DecodeBudgetTest {
    private static final byte[] MEGABYTE = new byte[1 << 20];

    static {
        new Random(7).nextBytes(MEGABYTE);
    }

    @Test
    void aStreamWithinItsBudgetDecodesToItsBytes() throws IOException {
        COSStream stream = deflated(MEGABYTE);
        DecodeBudget budget = new DecodeBudget(2L << 20);
        assertArrayEquals(MEGABYTE, budget.apply(() -> decode(stream)));
        assertNull(budget.exceeded());
    }

    @Test
    void aStreamOverItsBudgetFailsAndTheBudgetSaysWhy() throws IOException {
        COSStream stream = deflated(MEGABYTE);
        DecodeBudget budget = new DecodeBudget(512 * 1024);
        assertThrows(IOException.class, () -> budget.apply(() -> decode(stream)));
        assertEquals("its streams decode to more than 1 MB", budget.exceeded());
    }

    @Test
    void theStreamsOfOneOperationCountTogether() throws IOException {
        // PDFBox holds several decoded streams at once: the contents of nested forms, one stream given many times.
        COSStream stream = deflated(MEGABYTE);
        DecodeBudget budget = new DecodeBudget(3L << 19);
        assertArrayEquals(MEGABYTE, budget.apply(() -> decode(stream)));
        assertThrows(IOException.class, () -> budget.apply(() -> decode(stream)));
        assertEquals("its streams decode to more than 2 MB", budget.exceeded());
    }

    @Test
    void theBudgetIsTheThreadsOwn() throws Exception {
        COSStream stream = deflated(MEGABYTE);
        byte[][] elsewhere = new byte[1][];
        new DecodeBudget(512 * 1024).apply(() -> {
            Thread other = new Thread(() -> {
                try {
                    elsewhere[0] = decode(stream);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            return null;
        });
        assertArrayEquals(MEGABYTE, elsewhere[0], "another thread decodes within the default budget");
    }

    @Test
    void anImagesSamplesMayTakeTheBudgetAndAStreamPdfBoxParsesAnEighthOfIt() throws IOException {
        // Parsed into objects, a byte grows up to ten times; an image's samples stay the size they decode to.
        COSStream image = deflated(MEGABYTE);
        assertArrayEquals(MEGABYTE, new DecodeBudget(4L << 20).apply(() -> decode(image)));

        COSStream contents = deflated(MEGABYTE);
        contents.removeItem(COSName.SUBTYPE);
        DecodeBudget budget = new DecodeBudget(4L << 20);
        assertThrows(IOException.class, () -> budget.apply(() -> decode(contents)));
        assertEquals("a stream of drawing instructions or objects in it decodes to more than 1 MB", budget.exceeded());
    }

    @Test
    void aFiltersTwoNamesStayOneFilterWhichPdfBoxAppliesOnce() throws IOException {
        // PDFBox drops a filter named twice in a row ("FlateDecode" and its abbreviation "Fl"), by identity.
        COSStream stream = deflated(MEGABYTE);
        COSArray filters = new COSArray();
        filters.add(COSName.FLATE_DECODE);
        filters.add(COSName.FLATE_DECODE_ABBREVIATION);
        stream.setItem(COSName.FILTER, filters);
        assertArrayEquals(MEGABYTE, new DecodeBudget(2L << 20).apply(() -> decode(stream)));
    }

    /** An image's samples, deflated: what counts only against the budget as a whole. */
    private static COSStream deflated(byte[] data) throws IOException {
        new DecodeBudget(1); // the bounded filters are in place before PDFBox encodes
        COSStream stream = new COSStream();
        stream.setItem(COSName.SUBTYPE, COSName.IMAGE);
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(data);
        }
        return stream;
    }

    private static byte[] decode(COSStream stream) throws IOException {
        try (InputStream in = stream.createInputStream()) {
            return in.readAllBytes();
        }
    }
}
