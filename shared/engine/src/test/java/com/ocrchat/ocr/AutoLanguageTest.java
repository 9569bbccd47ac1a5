package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class AutoLanguageTest {

    @Test
    void aPageWrittenInDarkGreyHasInkInGreyAsInColour() {
        for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB}) {
            BufferedImage page = new BufferedImage(1000, 1400, type);
            Graphics2D drawing = page.createGraphics();
            drawing.setColor(Color.WHITE);
            drawing.fillRect(0, 0, 1000, 1400);
            assertFalse(AutoLanguage.hasInk(page), "a blank page");
            if (type == BufferedImage.TYPE_BYTE_GRAY) {
                // Stored as 60: read through Java's linear grey it would come back about 133, lighter than ink.
                page.getRaster().setSamples(100, 100, 800, 40, 0, filled(800 * 40, 60));
            } else {
                drawing.setColor(new Color(60, 60, 60));
                drawing.fillRect(100, 100, 800, 40);
            }
            drawing.dispose();
            assertTrue(AutoLanguage.hasInk(page), "type " + type);
        }
    }

    private static int[] filled(int length, int value) {
        int[] samples = new int[length];
        java.util.Arrays.fill(samples, value);
        return samples;
    }
}
