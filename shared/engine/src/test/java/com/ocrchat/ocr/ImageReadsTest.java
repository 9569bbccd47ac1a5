package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * A photo whose pixels are stored turned or mirrored, with the EXIF orientation that says how it is seen: read as
     * it is seen. The page seen is 300 x 200 with a dark square in its top-left corner; where that corner is stored for
     * each orientation follows EXIF's definition (which stored row and column are the seen top and left).
     */
    @ParameterizedTest
    @CsvSource({
        "1, false, false, false", "2, false, true, false", "3, false, true, true", "4, false, false, true",
        "5, true, false, false", "6, true, false, true", "7, true, true, true", "8, true, true, false"
    })
    void aJpegIsReadAsItsExifOrientationSaysItIsSeen(int orientation, boolean sideways, boolean right, boolean bottom)
            throws Exception {
        int width = sideways ? 200 : 300;
        int height = sideways ? 300 : 200;
        BufferedImage stored = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.fillRect(right ? width - 50 : 10, bottom ? height - 50 : 10, 40, 40);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(stored, "jpg", jpeg);

        for (boolean little : new boolean[] {false, true}) {
            try (Document document =
                    Documents.open(withExifOrientation(jpeg.toByteArray(), orientation, little), LIMITS)) {
                BufferedImage page = document.render(0);
                assertEquals(300, page.getWidth());
                assertEquals(200, page.getHeight());
                assertTrue(page.getRaster().getSample(30, 30, 0) < 64, "the square at the top left");
                assertTrue(page.getRaster().getSample(270, 170, 0) > 192, "paper at the bottom right");
            }
        }
    }

    /** The JPEG with an APP1 segment after its start: EXIF's TIFF header and one directory of one entry. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean little) {
        java.nio.ByteBuffer exif = java.nio.ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4)
                .order(little ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
        exif.put((byte) 0xFF).put((byte) 0xE1);
        exif.put((byte) 0).put((byte) (exif.capacity() - 2)); // the length, big-endian as every JPEG length
        exif.put("Exif".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put((byte) 0)
                .put((byte) 0);
        exif.put((byte) (little ? 'I' : 'M'))
                .put((byte) (little ? 'I' : 'M'))
                .putShort((short) 42)
                .putInt(8);
        exif.putShort((short) 1); // one entry
        exif.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        exif.putInt(0); // no next directory
        byte[] bytes = new byte[jpeg.length + exif.capacity()];
        System.arraycopy(jpeg, 0, bytes, 0, 2);
        System.arraycopy(exif.array(), 0, bytes, 2, exif.capacity());
        System.arraycopy(jpeg, 2, bytes, 2 + exif.capacity(), jpeg.length - 2);
        return bytes;
    }

    /**
     * A grey TIFF of one-row strips that all point at the same 4 MB deflate stream (a row of it, then padding): the
     * reader takes each strip's 4 MB whole to decode its row, 20,000 times (11 s). Refused once it has read the file
     * over many times.
     */
    @Test
    void aTiffWhoseStripsAllReadTheSameDataIsRefusedOnceReadOverAndOver() throws Exception {
        int width = 1000;
        int rows = 20_000;
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(new byte[width]);
        deflater.finish();
        byte[] row = new byte[4 << 20];
        int compressed = deflater.deflate(row); // the rest of the strip is padding its reader takes too
        int entries = 11;
        int offsets = 8 + 2 + 12 * entries + 4;
        int counts = offsets + 4 * rows;
        int data = counts + 4 * rows;
        java.nio.ByteBuffer tiff =
                java.nio.ByteBuffer.allocate(data + row.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        tiff.put(new byte[] {'I', 'I', 42, 0}).putInt(8).putShort((short) entries);
        int[][] tags = {
            {256, 4, 1, width},
            {257, 4, 1, rows},
            {258, 3, 1, 8},
            {259, 3, 1, 8},
            {262, 3, 1, 1},
            {273, 4, rows, offsets},
            {277, 3, 1, 1},
            {278, 4, 1, 1},
            {279, 4, rows, counts},
            {284, 3, 1, 1},
            {339, 3, 1, 1}
        };
        for (int[] tag : tags) {
            tiff.putShort((short) tag[0]).putShort((short) tag[1]).putInt(tag[2]);
            if (tag[1] == 3 && tag[2] == 1) {
                tiff.putShort((short) tag[3]).putShort((short) 0);
            } else {
                tiff.putInt(tag[3]);
            }
        }
        tiff.putInt(0);
        for (int i = 0; i < rows; i++) {
            tiff.putInt(data);
        }
        for (int i = 0; i < rows; i++) {
            tiff.putInt(row.length);
        }
        tiff.put(row);
        assertEquals(compressed > 0, true);

        try (Document document = Documents.open(tiff.array(), LIMITS)) {
            com.ocrchat.error.UnsupportedDocument refused = org.junit.jupiter.api.Assertions.assertThrows(
                    com.ocrchat.error.UnsupportedDocument.class, () -> document.render(0));
            assertTrue(refused.getMessage().startsWith("The image file is read over and over"), refused.getMessage());
        }
    }
}
