package com.ocrchat.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javax.imageio.IIOImage;

/** Page images as JPEG: what the searchable PDF lays its text over, and what the vision model is shown. */
public final class Jpeg {
    private static final float QUALITY = 0.8f;

    private Jpeg() {}

    /** Grey stays grey; colour stays colour; transparency is laid over white (JPEG has none). */
    public static byte[] encode(BufferedImage image) {
        BufferedImage opaque = opaque(image);
        return ImageWriting.write(
                "jpeg",
                parameters -> parameters.setCompressionQuality(QUALITY),
                (writer, parameters) -> new IIOImage(opaque, null, null));
    }

    private static BufferedImage opaque(BufferedImage image) {
        BufferedImage opaque = image;
        int type = image.getType();
        if (GreyPixels.greyPalette(image)) {
            // A bilevel or grey-paletted scan: its grey pixels directly, not drawn through Java 2D.
            opaque = GreyPixels.image(image);
        } else if (type != BufferedImage.TYPE_BYTE_GRAY
                && type != BufferedImage.TYPE_INT_RGB
                && type != BufferedImage.TYPE_3BYTE_BGR) {
            boolean grey = image.getColorModel().getNumColorComponents() == 1;
            opaque = new BufferedImage(
                    image.getWidth(),
                    image.getHeight(),
                    grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = opaque.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        return opaque;
    }
}
