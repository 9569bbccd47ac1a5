package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.testing.TestPages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

class ImageCostsTest {

    private static byte[] jpeg(BufferedImage image, boolean progressive) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        return bytes.toByteArray();
    }

    @Test
    void anEncodersJpegHasAScanOrAboutTenWhenProgressiveAndReads() throws Exception {
        BufferedImage page = TestPages.page("Minutes", List.of("The board met in March.", "It approved the budget."));
        BufferedImage colour = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        colour.getGraphics().drawImage(page, 0, 0, null);
        assertEquals(1, ImageCosts.jpegScans(jpeg(colour, false)));
        byte[] progressive = jpeg(colour, true);
        int scans = ImageCosts.jpegScans(progressive);
        assertTrue(scans >= 6 && scans <= 12, scans + " scans");
        try (Document document = Documents.open(progressive, new DocumentLimits(100_000_000L, 10))) {
            assertEquals(page.getWidth(), document.render(0).getWidth());
        }
    }

    @Test
    void aTiffOfJpegStripsReads() throws Exception {
        BufferedImage page = TestPages.page("Minutes", List.of("The board met in March.", "It approved the budget."));
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("JPEG");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(page, null, null), param);
        }
        writer.dispose();
        try (Document document = Documents.open(bytes.toByteArray(), new DocumentLimits(100_000_000L, 10))) {
            assertEquals(page.getHeight(), document.render(0).getHeight());
        }
    }

    @Test
    void aRasterCostsItsSamplesBitsForEveryPixel() {
        assertEquals(
                100L * 100 * 3,
                ImageCosts.rasterBytes(
                        ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR), 100, 100));
        assertEquals(
                100L * 100 * 4,
                ImageCosts.rasterBytes(
                        ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_RGB), 100, 100));
        assertEquals(
                13L * 100, // a bilevel row of 100 pixels packs into 13 bytes
                ImageCosts.rasterBytes(
                        ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_BYTE_BINARY), 100, 100));
    }
}
