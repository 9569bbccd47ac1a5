package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

class PageImageTest {

    @Test
    void aBlackAndWhitePageIsKeptAsGroupFourThatThePdfTakesAsItIs() throws Exception {
        Random random = new Random(11);
        // Rows that do not end on a byte, and a cut-out of a larger page (its raster starts inside another).
        BufferedImage page = new BufferedImage(1203, 77, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                page.getRaster().setSample(x, y, 0, random.nextInt(4) == 0 ? 0 : 255);
            }
        }
        for (BufferedImage image : List.of(page, page.getSubimage(5, 3, 1001, 61))) {
            byte[] kept = PageImage.encode(image);
            String magic = new String(kept, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(magic.equals("MM\0*") || magic.equals("II*\0"), "a TIFF");
            try (PDDocument pdf = new PDDocument()) {
                PDImageXObject embedded = PDImageXObject.createFromByteArray(pdf, kept, "page");
                assertEquals(
                        List.of(COSName.CCITTFAX_DECODE),
                        List.of(embedded.getCOSObject().getFilters()));
                assertSamePixels(image, embedded.getImage());
            }
            assertSamePixels(image, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(kept)));
        }
    }

    @Test
    void greysAndColoursAreKeptAsJpeg() {
        BufferedImage antiAliased = new BufferedImage(300, 80, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = antiAliased.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 80);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 30));
        g.drawString("Minutes", 10, 50);
        g.dispose();
        BufferedImage colour = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        for (BufferedImage image : List.of(antiAliased, colour)) {
            byte[] kept = PageImage.encode(image);
            assertTrue((kept[0] & 0xFF) == 0xFF && (kept[1] & 0xFF) == 0xD8, "a JPEG");
        }
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y) & 0xFFFFFF, actual.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
            }
        }
    }
}
