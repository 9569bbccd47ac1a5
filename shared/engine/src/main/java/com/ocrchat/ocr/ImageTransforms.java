package com.ocrchat.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Turning and scaling page images (grey or colour alike). */
public final class ImageTransforms {
    private ImageTransforms() {}

    /** The image turned clockwise by a multiple of 90 degrees. */
    static BufferedImage rotateClockwise(BufferedImage image, int degrees) {
        int quarters = Math.floorMod(degrees / 90, 4);
        if (quarters == 0) {
            return image;
        }
        boolean swap = quarters % 2 == 1;
        int width = swap ? image.getHeight() : image.getWidth();
        int height = swap ? image.getWidth() : image.getHeight();
        BufferedImage turned = new BufferedImage(width, height, opaqueType(image));
        Graphics2D g = turned.createGraphics();
        AffineTransform transform = new AffineTransform();
        transform.translate(width / 2.0, height / 2.0);
        transform.rotate(Math.toRadians(90.0 * quarters));
        transform.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        g.drawImage(image, transform, null);
        g.dispose();
        return turned;
    }

    public static BufferedImage scale(BufferedImage image, double factor) {
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage scaled = new BufferedImage(width, height, opaqueType(image));
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION,
                factor > 1 ? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return scaled;
    }

    private static int opaqueType(BufferedImage image) {
        return image.getColorModel().getNumColorComponents() == 1
                ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB;
    }
}
