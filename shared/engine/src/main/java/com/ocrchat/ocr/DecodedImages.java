package com.ocrchat.ocr;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * How many pixels PDFBox's page drawer will decode for one image, worked out from the image's dictionaries before
 * anything is decoded, and how many it may. The size an image claims costs nothing to write, and PDFBox allocates for it whatever the
 * data holds: a pixel-wide image two billion high filled the heap, a 100,000-pixel square took 9 s to draw.
 */
final class DecodedImages {
    /** PDFBox's deepest subsampling: it never decodes an image at less than an eighth of its side. */
    private static final int MOST_SUBSAMPLING = 8;

    /**
     * Below its deepest subsampling PDFBox decodes an image drawn within the page to less than four times the pixels
     * it covers (it subsamples by the whole part of the square root of the ratio); more is a claimed size at work. A
     * stencil mask is decoded whole: one scanned at 600 dpi, drawn at 300, is four times, and a few pixels more where
     * its sides were rounded up or given a margin (a letter page's mask 4 pixels wider was refused).
     */
    private static final double MOST_PIXELS_PER_DEVICE_PIXEL = 4.2;

    /** What any page may decode an image to, however small the page: an image drawn past a tiny page's edges. */
    private static final long LEAST_MOST_PIXELS = 4_000_000;

    private DecodedImages() {}

    /**
     * The most pixels a stencil mask may have, whatever the page: PDFBox decodes it whole and paints it into an image
     * of 4 bytes a pixel (a mask of 416 megapixels on a large page filled the heap). An A3 page's mask at 600 dpi fits.
     */
    static final long MOST_STENCIL_PIXELS = 72_000_000;

    /** How far past the page an image may reach and still be measured by its own size: a scan placed with bleed. */
    private static final int MOST_PAGES_COVERED = 2;

    /**
     * The most pixels an image may be decoded to: 4.2 times the device pixels it covers, counted as the page's at
     * least and as two pages' at most.
     */
    static long mostPixels(long pagePixels, double imagePixels) {
        double covered = Math.min(Math.max(pagePixels, imagePixels), (double) MOST_PAGES_COVERED * pagePixels);
        return Math.max(LEAST_MOST_PIXELS, (long) (MOST_PIXELS_PER_DEVICE_PIXEL * covered));
    }

    /**
     * The pixels of the raster PDFBox decodes for this image, drawn with this determinant of the image-to-device
     * transform. A stencil mask is decoded whole; any other image is subsampled as PDFBox 3.0's {@code PageDrawer}
     * does, its int overflow included, and its masks are decoded at the same subsampling and the larger of the two
     * sizes kept.
     */
    static long pixels(PDImage image, double deviceScale) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        if (width <= 0 || height <= 0) {
            return 0;
        }
        if (image.isStencil()) {
            return (long) width * height;
        }
        int widest = width;
        int highest = height;
        if (image instanceof PDImageXObject xObject) {
            for (PDImageXObject mask : new PDImageXObject[] {xObject.getSoftMask(), xObject.getMask()}) {
                if (mask != null) {
                    widest = Math.max(widest, mask.getWidth());
                    highest = Math.max(highest, mask.getHeight());
                }
            }
        }
        int subsampling = subsampling(width, height, deviceScale);
        return ceilDiv(widest, subsampling) * ceilDiv(highest, subsampling);
    }

    /** The pixels of an image without masks, decoded as PDFBox subsamples it. */
    static long subsampledPixels(int width, int height, double deviceScale) {
        int subsampling = subsampling(width, height, deviceScale);
        return ceilDiv(width, subsampling) * ceilDiv(height, subsampling);
    }

    private static int subsampling(int width, int height, double deviceScale) {
        @SuppressWarnings("IntegerMultiplicationImplicitCastToLong") // as PDFBox computes it, overflow and all
        int claimed = width * height;
        int subsampling = (int) Math.floor(Math.sqrt(claimed / Math.abs(deviceScale)));
        subsampling = Math.max(1, Math.min(MOST_SUBSAMPLING, subsampling));
        return Math.min(subsampling, Math.min(width, height));
    }

    private static long ceilDiv(long pixels, int subsampling) {
        return (pixels + subsampling - 1) / subsampling;
    }
}
