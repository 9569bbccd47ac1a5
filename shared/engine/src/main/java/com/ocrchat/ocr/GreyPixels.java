package com.ocrchat.ocr;

import java.awt.image.BufferedImage;

/** 8-bit grey pixels of an image, transparency composited over white, one byte per pixel, row by row. */
final class GreyPixels {
    private GreyPixels() {}

    static byte[] of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return (byte[]) image.getRaster().getDataElements(0, 0, width, height, null);
        }
        byte[] grey = new byte[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                int alpha = argb >>> 24;
                int luma = (299 * ((argb >> 16) & 0xFF) + 587 * ((argb >> 8) & 0xFF) + 114 * (argb & 0xFF)) / 1000;
                grey[y * width + x] = (byte) ((luma * alpha + 255 * (255 - alpha)) / 255);
            }
        }
        return grey;
    }
}
