package com.ocrchat.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BrowserImagesTest {

    @Test
    void aJpegAtThePagesSizeIsSentAsItWasKept() throws Exception {
        byte[] kept = jpeg(colourPage(300, 200));
        BrowserImages.ImageFile file = BrowserImages.forBrowser(kept, 300, 200);
        assertEquals("image/jpeg", file.mediaType());
        assertSame(kept, file.bytes(), "not decoded nor encoded again");
        assertEquals(true, file.lasting());
        BrowserImages.ImageFile early = BrowserImages.forBrowser(kept, 0, 0);
        assertSame(kept, early.bytes(), "the page's size unknown yet");
        assertEquals(false, early.lasting(), "sent as it is, not kept");
    }

    @Test
    void aJpegReadAtAScansLowerResolutionIsScaledToThePagesSizeInItsColours() throws Exception {
        BrowserImages.ImageFile file = BrowserImages.forBrowser(jpeg(colourPage(300, 200)), 600, 400);
        assertEquals("image/jpeg", file.mediaType());
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(file.bytes()));
        assertEquals(600, shown.getWidth());
        assertEquals(400, shown.getHeight());
        Color red = new Color(shown.getRGB(100, 100));
        Color blue = new Color(shown.getRGB(500, 300));
        assertEquals(true, red.getRed() > 200 && red.getBlue() < 60, "the left half stays red: " + red);
        assertEquals(true, blue.getBlue() > 200 && blue.getRed() < 60, "the right half stays blue: " + blue);
    }

    @Test
    void aPageTooLargeToScaleIsSentAtItsOwnResolution() throws Exception {
        byte[] kept = jpeg(colourPage(300, 200));
        BrowserImages.ImageFile file = BrowserImages.forBrowser(kept, 10_000, 8_000);
        assertSame(kept, file.bytes());
        assertEquals(true, file.lasting());
    }

    private static BufferedImage colourPage(int width, int height) {
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return page;
    }

    private static byte[] jpeg(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
