package com.ocrchat.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;

/**
 * A page as it was recognized, kept for the searchable PDF and the job page. A bilevel page (black and white only,
 * as most scans and faxes are) is kept as a CCITT Group 4 TIFF: lossless, about a tenth of the size of a JPEG of it,
 * and quicker to make (feyn.tif, 300 dpi: 105 KB in 55 ms against 1.5 MB in 90 ms); the searchable PDF embeds its
 * compressed data as they are, as OCRmyPDF keeps a G4 scan. Any other page is kept as a JPEG.
 */
public final class PageImage {
    private PageImage() {}

    /**
     * The most bytes a page's own JPEG ({@link Document#ownJpeg}) is kept at: the job page sends the kept image in one
     * Lambda response (6 MB, which base64 fills a third faster); a larger one is encoded again.
     */
    static final int MOST_OWN_JPEG_BYTES = 4 * 1024 * 1024;

    /**
     * How many pixels a page's own JPEG may differ from the page as read, each way: a renderer rounds a scan's size in
     * points back to pixels down (PDFBox reads img2pdf's 2528-pixel page, 606.72 points at 300 dpi, as 2527).
     */
    private static final int ROUNDING = 2;

    /** Whether a page's own JPEG stands for the page as read: its pixels across and down, and not over the size. */
    static boolean standsFor(byte[] jpeg, BufferedImage read) {
        int[] size = ImageCosts.jpegSize(jpeg);
        return jpeg.length <= MOST_OWN_JPEG_BYTES
                && size != null
                && Math.abs(size[0] - read.getWidth()) <= ROUNDING
                && Math.abs(size[1] - read.getHeight()) <= ROUNDING;
    }

    public static byte[] encode(BufferedImage image) {
        return bilevel(image).map(PageImage::groupFourTiff).orElseGet(() -> Jpeg.encode(image));
    }

    /**
     * White is 0 and black 1, as CCITT data have them: the TIFF writer then takes the bits as they are (with black
     * 0 it makes an inverted copy of the whole page first).
     */
    private static final IndexColorModel WHITE_IS_ZERO =
            new IndexColorModel(1, 2, new byte[] {-1, 0}, new byte[] {-1, 0}, new byte[] {-1, 0});

    /**
     * A grey page whose every pixel is black or white, packed one bit a pixel; empty at the first other grey, so a
     * photograph or an anti-aliased page costs a few rows.
     */
    static Optional<BufferedImage> bilevel(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            return Optional.empty();
        }
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage packed = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY, WHITE_IS_ZERO);
        byte[] bits = ((DataBufferByte) packed.getRaster().getDataBuffer()).getData();
        int stride = (width + 7) / 8;
        byte[] row = new byte[width];
        for (int y = 0; y < height; y++) {
            image.getRaster().getDataElements(0, y, width, 1, row);
            int out = y * stride;
            for (int x = 0; x < width; x++) {
                byte pixel = row[x];
                if (pixel == 0) {
                    bits[out + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                } else if (pixel != (byte) 0xFF) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(packed);
    }

    /** One strip, so the PDF can take the compressed data whole (PDFBox's CCITTFactory reads single strips). */
    private static byte[] groupFourTiff(BufferedImage bilevel) {
        return ImageWriting.write(
                "tiff", parameters -> parameters.setCompressionType("CCITT T.6"), (writer, parameters) -> {
                    TIFFDirectory directory = TIFFDirectory.createFromMetadata(
                            writer.getDefaultImageMetadata(new ImageTypeSpecifier(bilevel), parameters));
                    directory.addTIFFField(new TIFFField(
                            BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_ROWS_PER_STRIP),
                            bilevel.getHeight()));
                    return new IIOImage(bilevel, null, directory.getAsMetadata());
                });
    }
}
