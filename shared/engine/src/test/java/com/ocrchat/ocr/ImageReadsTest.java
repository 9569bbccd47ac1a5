package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/** Images read as their writers made them: wide samples brought to 8 bits, small pages in large tiles. */
class ImageReadsTest {
    private static final DocumentLimits LIMITS = new DocumentLimits(100_000_000L, 300);

    @Test
    void aPageOfSixteenBitsASampleIsReadAsEightBitsOfTheSameColours() throws Exception {
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(300, 200);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                raster.setPixel(x, y, x < 150 ? new int[] {65535, 0, 0} : new int[] {0, 0, 65535});
            }
        }
        BufferedImage wide = new BufferedImage(model, raster, false, null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(wide, "png", png);

        try (Document document = Documents.open(png.toByteArray(), LIMITS)) {
            BufferedImage page = document.render(0);
            assertEquals(BufferedImage.TYPE_3BYTE_BGR, page.getType());
            assertEquals(0xFF0000, page.getRGB(10, 100) & 0xFFFFFF);
            assertEquals(0x0000FF, page.getRGB(290, 100) & 0xFFFFFF);
        }
    }

    @Test
    void aJpegOfTwelveBitsASampleIsRefusedAsUnsupportedNotCorrupt() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY), "jpg", jpeg);
        byte[] bytes = jpeg.toByteArray();
        for (int at = 2; at + 4 < bytes.length; at++) {
            if (bytes[at] == (byte) 0xFF && bytes[at + 1] == (byte) 0xC0) {
                bytes[at + 4] = 12; // the frame's sample precision, as a 12-bit camera or scanner writes it
                break;
            }
        }
        com.ocrchat.error.UnsupportedDocument refused = org.junit.jupiter.api.Assertions.assertThrows(
                com.ocrchat.error.UnsupportedDocument.class, () -> Documents.open(bytes, LIMITS));
        assertEquals(
                "The JPG file has 12 bits a sample, which this server does not read; save it with 8 bits a sample,"
                        + " in grey or colour",
                refused.getMessage());
    }

    @Test
    void aSmallPageInTilesOf512IsRead() throws Exception {
        BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 300);
        g.setColor(Color.BLACK);
        g.fillRect(100, 100, 50, 50);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff)) {
            writer.setOutput(out);
            ImageWriteParam tiled = writer.getDefaultWriteParam();
            tiled.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
            tiled.setTiling(512, 512, 0, 0);
            writer.write(null, new IIOImage(image, null, null), tiled);
        }
        writer.dispose();

        try (Document document = Documents.open(tiff.toByteArray(), LIMITS)) {
            BufferedImage page = document.render(0);
            assertEquals(300, page.getWidth());
            assertEquals(0, page.getRaster().getSample(120, 120, 0));
            assertEquals(255, page.getRaster().getSample(10, 10, 0));
        }
    }
}
