package com.ocrchat.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.ImagingOpException;

/** Turning and scaling page images (grey or colour alike). */
public final class ImageTransforms {
    private ImageTransforms() {}

    /** Rows converted at once: a band's temporary copy of 4 bytes a pixel is small whatever the page. */
    private static final int BAND_ROWS = 256;

    /**
     * A page of a type Java 2D has no direct loops for (16 bits a sample, CMYK, two channels) in 8 bits a channel,
     * opaque over white, converted a band of rows at a time; others as they are. Everything after the drawing (grey
     * pixels, the page image, turning) converts such a page whole, into a temporary of 4 bytes a pixel beside it: a
     * 48-bit RGB page of 100 megapixels, 600 MB, needed 1.5 GB more.
     */
    static BufferedImage eightBits(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_CUSTOM) {
            return image;
        }
        boolean grey = image.getColorModel().getNumColorComponents() == 1;
        BufferedImage converted = new BufferedImage(
                image.getWidth(),
                image.getHeight(),
                grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < image.getHeight(); y += BAND_ROWS) {
            int rows = Math.min(BAND_ROWS, image.getHeight() - y);
            BufferedImage band = image.getSubimage(0, y, image.getWidth(), rows);
            BufferedImage into = converted.getSubimage(0, y, image.getWidth(), rows);
            Graphics2D g = into.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), rows);
            g.drawImage(band, 0, 0, null);
            g.dispose();
        }
        return converted;
    }

    /** The image turned clockwise by a multiple of 90 degrees. */
    static BufferedImage rotateClockwise(BufferedImage image, int degrees) {
        return turn(image, false, degrees / 90);
    }

    /** The image as its EXIF orientation says it is seen. */
    static BufferedImage upright(BufferedImage image, ExifOrientation orientation) {
        return turn(image, orientation.mirrored(), orientation.clockwiseQuarters());
    }

    /** The image mirrored left to right if asked, then turned clockwise by that many quarters. */
    private static BufferedImage turn(BufferedImage image, boolean mirrored, int clockwiseQuarters) {
        int quarters = Math.floorMod(clockwiseQuarters, 4);
        if (quarters == 0 && !mirrored) {
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
        transform.scale(mirrored ? -1 : 1, 1);
        transform.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        g.drawImage(image, transform, null);
        g.dispose();
        return turned;
    }

    public static BufferedImage scale(BufferedImage image, double factor) {
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            // Java2D's own operation scales grey bytes as they are: the same pixels as drawing them, which goes through
            // RGB, 4-5x as fast (a typed table enlarged to 12 MP: 150 ms against 670 ms). Its native code may refuse
            // an image: then it is drawn.
            BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            AffineTransform stretch = AffineTransform.getScaleInstance(
                    (double) width / image.getWidth(), (double) height / image.getHeight());
            try {
                new AffineTransformOp(
                                stretch, factor > 1 ? AffineTransformOp.TYPE_BICUBIC : AffineTransformOp.TYPE_BILINEAR)
                        .filter(image, scaled);
                return scaled;
            } catch (ImagingOpException refused) {
                // drawn below
            }
        }
        return drawnScaled(image, width, height);
    }

    /** The image drawn at {@code width} x {@code height}, bicubic when enlarged, bilinear when reduced. */
    static BufferedImage drawnScaled(BufferedImage image, int width, int height) {
        BufferedImage scaled = new BufferedImage(width, height, opaqueType(image));
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION,
                width > image.getWidth() || height > image.getHeight()
                        ? RenderingHints.VALUE_INTERPOLATION_BICUBIC
                        : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
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
