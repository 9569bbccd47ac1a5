package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.testing.TestPages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageTransformsTest {
    /** A grey page is scaled by Java2D's own operation: the pixels drawing it would give, to its last row and column. */
    @Test
    void aGreyPageScalesToThePixelsDrawingItGives() {
        BufferedImage page = grey(TestPages.invoiceImage()).getSubimage(40, 60, 700, 900);
        for (double factor : new double[] {2.7, 1.3, 0.5}) {
            BufferedImage scaled = ImageTransforms.scale(page, factor);
            BufferedImage drawn = ImageTransforms.drawnScaled(
                    page, (int) Math.round(page.getWidth() * factor), (int) Math.round(page.getHeight() * factor));

            assertEquals(drawn.getWidth(), scaled.getWidth());
            assertEquals(drawn.getHeight(), scaled.getHeight());
            long difference = 0;
            for (int y = 0; y < drawn.getHeight(); y++) {
                for (int x = 0; x < drawn.getWidth(); x++) {
                    int apart = Math.abs(sample(scaled, x, y) - sample(drawn, x, y));
                    difference += apart;
                    if (x == drawn.getWidth() - 1 || y == drawn.getHeight() - 1) {
                        assertTrue(apart <= 8, factor + ": edge pixel " + x + "," + y + " off by " + apart);
                    }
                }
            }
            double mean = (double) difference / (drawn.getWidth() * drawn.getHeight());
            assertTrue(mean < 0.5, factor + ": mean difference " + mean);
        }
    }

    @Test
    void aOnePixelWideGreyImageScales() {
        BufferedImage line = new BufferedImage(1, 50, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 50; y++) {
            line.getRaster().setSample(0, y, 0, 200);
        }

        BufferedImage scaled = ImageTransforms.scale(line, 3);

        assertEquals(3, scaled.getWidth());
        assertEquals(150, scaled.getHeight());
        assertEquals(200, sample(scaled, 2, 149), 8);
    }

    private static BufferedImage grey(BufferedImage page) {
        BufferedImage grey = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(page, 0, 0, null);
        return grey;
    }

    private static int sample(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }
}
