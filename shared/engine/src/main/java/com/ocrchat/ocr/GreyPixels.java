package com.ocrchat.ocr;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/** 8-bit grey pixels of an image, transparency composited over white, one byte per pixel, row by row. */
final class GreyPixels {
    private GreyPixels() {}

    static byte[] of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return (byte[]) image.getRaster().getDataElements(0, 0, width, height, null);
        }
        if (image.getColorModel() instanceof IndexColorModel palette
                && image.getRaster().getNumBands() == 1) {
            return indexed(image, palette);
        }
        byte[] grey = new byte[width * height];
        int type = image.getType();
        Raster raster = image.getRaster();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) {
            // Read from the raster: getRGB asks the colour model pixel by pixel, 110-170 ms for an A4 page at 300 dpi.
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                raster.getDataElements(0, y, width, 1, row);
                for (int x = 0; x < width; x++) {
                    int rgb = row[x];
                    int alpha = type == BufferedImage.TYPE_INT_RGB ? 255 : rgb >>> 24;
                    grey[y * width + x] = grey(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, alpha);
                }
            }
            return grey;
        }
        if (image.getColorModel() instanceof ComponentColorModel model
                && model.getColorSpace().isCS_sRGB()
                && model.getTransferType() == DataBuffer.TYPE_BYTE
                && !model.isAlphaPremultiplied()
                && model.getNumComponents() == (model.hasAlpha() ? 4 : 3)) {
            // A decoded JPEG or PNG in colour: its samples, red, green, blue (and alpha), row by row.
            int bands = model.getNumComponents();
            byte[] row = new byte[width * bands];
            for (int y = 0; y < height; y++) {
                raster.getDataElements(0, y, width, 1, row);
                for (int x = 0, at = 0; x < width; x++, at += bands) {
                    int alpha = bands == 4 ? row[at + 3] & 0xFF : 255;
                    grey[y * width + x] = grey(row[at] & 0xFF, row[at + 1] & 0xFF, row[at + 2] & 0xFF, alpha);
                }
            }
            return grey;
        }
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                grey[y * width + x] = grey(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, argb >>> 24);
            }
        }
        return grey;
    }

    /** A pixel's luma, composited over white. */
    private static byte grey(int red, int green, int blue, int alpha) {
        int luma = (299 * red + 587 * green + 114 * blue) / 1000;
        return (byte) ((luma * alpha + 255 * (255 - alpha)) / 255);
    }

    /** A bilevel or grey-paletted image (most scans and faxes): its grey pixels lose nothing of it. */
    static boolean greyPalette(BufferedImage image) {
        if (!(image.getColorModel() instanceof IndexColorModel palette)
                || image.getRaster().getNumBands() != 1) {
            return false;
        }
        for (int i = 0; i < palette.getMapSize(); i++) {
            if (palette.getRed(i) != palette.getGreen(i) || palette.getGreen(i) != palette.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    /** The page as a grey image over its grey pixels (the array is the image's own: nothing is copied again). */
    static BufferedImage image(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] grey = of(image);
        WritableRaster raster = Raster.createInterleavedRaster(
                new DataBufferByte(grey, grey.length), width, height, width, 1, new int[] {0}, null);
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(model, raster, false, null);
    }

    /**
     * Scans and faxes are mostly bilevel (1 bit a pixel) or paletted: each palette entry's grey is worked out once,
     * then each pixel looked up, row by row from the raster (several times faster than per-pixel colour lookups).
     */
    private static byte[] indexed(BufferedImage image, IndexColorModel palette) {
        int width = image.getWidth();
        int height = image.getHeight();
        Raster raster = image.getRaster();
        // One level for every value a pixel can hold, not only those the palette lists: hostile or corrupt files
        // hold others, which the palette reads as transparent (white here, as before).
        byte[] levels = new byte[1 << Math.min(16, raster.getSampleModel().getSampleSize(0))];
        for (int i = 0; i < levels.length; i++) {
            int argb = palette.getRGB(i);
            int alpha = argb >>> 24;
            int luma = (299 * ((argb >> 16) & 0xFF) + 587 * ((argb >> 8) & 0xFF) + 114 * (argb & 0xFF)) / 1000;
            levels[i] = (byte) ((luma * alpha + 255 * (255 - alpha)) / 255);
        }
        byte[] grey = new byte[width * height];
        if (bilevelBytes(raster)) {
            // One bit a pixel, eight to a byte, rows from the first byte: read straight from the bytes (the raster's
            // own per-pixel accessors took 50-100 ms on a 300-dpi page).
            MultiPixelPackedSampleModel packed = (MultiPixelPackedSampleModel) raster.getSampleModel();
            byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
            int stride = packed.getScanlineStride();
            byte zero = levels[0];
            byte one = levels[1];
            for (int y = 0; y < height; y++) {
                int in = y * stride;
                int out = y * width;
                for (int x = 0; x < width; x++) {
                    grey[out + x] = ((data[in + (x >> 3)] >> (7 - (x & 7))) & 1) == 0 ? zero : one;
                }
            }
            return grey;
        }
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                grey[offset + x] = levels[row[x]];
            }
        }
        return grey;
    }

    private static boolean bilevelBytes(Raster raster) {
        return raster.getSampleModel() instanceof MultiPixelPackedSampleModel packed
                && packed.getPixelBitStride() == 1
                && packed.getDataBitOffset() == 0
                && raster.getDataBuffer() instanceof DataBufferByte bytes
                && bytes.getNumBanks() == 1
                && bytes.getOffset() == 0
                && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0
                && (long) packed.getScanlineStride() * raster.getHeight() <= bytes.getData().length;
    }

    /**
     * A page's paper: the commonest level among the pixels lighter than the page's mean (a dark scanner border or
     * gutter can outnumber any one level of the paper, whose noise spreads it over several levels).
     */
    static byte paper(byte[] grey) {
        int[] counts = new int[256];
        long sum = 0;
        for (byte pixel : grey) {
            counts[pixel & 0xff]++;
            sum += pixel & 0xff;
        }
        int mean = grey.length == 0 ? 0 : (int) (sum / grey.length);
        int paper = 255;
        for (int level = mean; level < 256; level++) {
            if (counts[level] > counts[paper]) {
                paper = level;
            }
        }
        return (byte) paper;
    }
}
