package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import org.junit.jupiter.api.Test;

class GreyPixelsTest {

    @Test
    void aBilevelScanIsBlackAndWhite() {
        BufferedImage scan = new BufferedImage(9, 2, BufferedImage.TYPE_BYTE_BINARY);
        scan.setRGB(8, 1, 0xFFFFFFFF);
        byte[] grey = GreyPixels.of(scan);
        assertEquals(0, grey[0] & 0xFF);
        assertEquals(255, grey[17] & 0xFF);
        BufferedImage image = GreyPixels.image(scan);
        assertEquals(0xFFFFFFFF, image.getRGB(8, 1));
        assertEquals(0xFF000000, image.getRGB(0, 0));
    }

    @Test
    void bilevelPixelsReadStraightFromTheirBytesAreThePixelsTheImageShows() {
        java.util.Random random = new java.util.Random(7);
        // Rows that do not end on a byte, white-is-zero as many TIFF scans are, and a cut-out (an offset raster).
        IndexColorModel whiteIsZero =
                new IndexColorModel(1, 2, new byte[] {-1, 0}, new byte[] {-1, 0}, new byte[] {-1, 0});
        BufferedImage blackIsZero = new BufferedImage(37, 5, BufferedImage.TYPE_BYTE_BINARY);
        BufferedImage inverted = new BufferedImage(37, 5, BufferedImage.TYPE_BYTE_BINARY, whiteIsZero);
        for (BufferedImage scan : java.util.List.of(blackIsZero, inverted)) {
            for (int y = 0; y < scan.getHeight(); y++) {
                for (int x = 0; x < scan.getWidth(); x++) {
                    scan.getRaster().setSample(x, y, 0, random.nextInt(2));
                }
            }
            for (BufferedImage image : java.util.List.of(scan, scan.getSubimage(3, 1, 30, 4))) {
                byte[] grey = GreyPixels.of(image);
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        assertEquals(image.getRGB(x, y) & 0xFF, grey[y * image.getWidth() + x] & 0xFF, x + "," + y);
                    }
                }
            }
        }
    }

    /** Colour pages read straight from their rasters: each pixel's luma over white, as the image itself shows it. */
    @Test
    void colourPixelsReadFromTheirRastersAreThePixelsTheImageShows() {
        java.util.Random random = new java.util.Random(7);
        for (int type : new int[] {
            BufferedImage.TYPE_3BYTE_BGR,
            BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_INT_RGB,
            BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_INT_BGR
        }) {
            BufferedImage image = new BufferedImage(37, 11, type);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, random.nextInt());
                }
            }
            // A part of it too: a sub-image's raster starts inside its parent's.
            for (BufferedImage page : new BufferedImage[] {image, image.getSubimage(3, 2, 30, 8)}) {
                byte[] grey = GreyPixels.of(page);

                for (int y = 0; y < page.getHeight(); y++) {
                    for (int x = 0; x < page.getWidth(); x++) {
                        int argb = page.getRGB(x, y);
                        int alpha = argb >>> 24;
                        int luma = (299 * (argb >> 16 & 0xFF) + 587 * (argb >> 8 & 0xFF) + 114 * (argb & 0xFF)) / 1000;
                        assertEquals(
                                (luma * alpha + 255 * (255 - alpha)) / 255,
                                grey[y * page.getWidth() + x] & 0xFF,
                                "type " + type + " at " + x + "," + y);
                    }
                }
            }
        }
    }

    @Test
    void aPixelThePaletteDoesNotListReadsAsWhiteNotAsAFailure() {
        byte[] levels = new byte[16];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = (byte) (i * 16);
        }
        IndexColorModel sixteenGreys = new IndexColorModel(8, 16, levels, levels, levels);
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, sixteenGreys);
        image.getRaster().setSample(0, 0, 0, 3);
        image.getRaster().setSample(1, 0, 0, 200); // no such entry: a corrupt or hostile file
        byte[] grey = GreyPixels.of(image);
        assertEquals(48, grey[0] & 0xFF);
        assertEquals(255, grey[1] & 0xFF);
    }

    @Test
    void thePaperIsTheCommonestLightLevelEvenBesideALargerDarkBorder() {
        byte[] grey = new byte[10_000];
        for (int i = 0; i < grey.length; i++) {
            // 45% scanner-bed black, 50% paper spread over 200-209 by noise, 5% ink.
            grey[i] = (byte) (i < 4_500 ? 0 : i < 9_500 ? 200 + i % 10 : 30);
        }
        int paper = GreyPixels.paper(grey) & 0xff;
        assertEquals(true, paper >= 200 && paper <= 209, "paper level " + paper);
    }
}
