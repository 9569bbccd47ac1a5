package com.ocrchat.ocr;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A scanned PDF page read straight from its one image, in grey, when the page is drawn at that image's own size: what
 * PDFBox would draw, without drawing it (where the producer rounded the page's size, up to half a point, PDFBox would
 * stretch the image by a pixel or two; its own pixels are the better reading). PDFBox takes 230-690 ms for an A4 grey
 * scan at 300 dpi under C1 (the server's JIT), decoding the image and drawing it again pixel by pixel into the page;
 * a JPEG's reader alone takes 25-50 ms. A page this does not read (drawn finer or coarser than its image, or refused
 * by a decoder or a budget) is drawn by PDFBox, within its own budgets, which says what is wrong with it.
 */
final class ScanPixels {
    /** Filters that give the samples as they were written: what is read from them is what PDFBox would draw. */
    private static final Set<COSName> LOSSLESS = Set.of(
            COSName.FLATE_DECODE,
            COSName.LZW_DECODE,
            COSName.RUN_LENGTH_DECODE,
            COSName.ASCII85_DECODE,
            COSName.ASCII_HEX_DECODE);

    private ScanPixels() {}

    static Optional<BufferedImage> of(PDPage page, float dpi, DocumentLimits limits) {
        try {
            PDImageXObject scan = WholePageScan.of(page);
            if (scan == null
                    || !WholePageScan.atOwnSize(scan, page.getCropBox(), dpi)
                    || (scan.getColorSpace() instanceof PDICCBased profiled && !profiled.isSRGB())) {
                return Optional.empty(); // PDFBox draws other profiles' colours through them
            }
            List<COSName> filters = scan.getStream().getFilters();
            if (filters.equals(List.of(COSName.DCT_DECODE))) {
                return jpeg(scan, limits);
            }
            if (!LOSSLESS.containsAll(filters)) {
                return Optional.empty();
            }
            // The samples, a byte each, row after row as the dictionary sizes them, decoded (within the page's stream
            // budget) before they are allocated; PDFBox's own getRawRaster reads them a sample at a time, 0.8-4.7 s a
            // page. Samples the stream falls short of stay 0, as PDFBox leaves them.
            int bands = scan.getColorSpace().getNumberOfComponents();
            try (InputStream decoded = scan.createInputStream()) {
                byte[] bytes =
                        new byte[Math.multiplyExact(Math.multiplyExact(scan.getWidth(), scan.getHeight()), bands)];
                decoded.readNBytes(bytes, 0, bytes.length);
                return Optional.of(grey(bytes, scan.getWidth(), scan.getHeight(), bands));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** 8-bit grey or RGB samples, row after row, as a grey page. */
    private static BufferedImage grey(byte[] bytes, int width, int height, int bands) {
        WritableRaster samples = Raster.createInterleavedRaster(
                new DataBufferByte(bytes, bytes.length),
                width,
                height,
                width * bands,
                bands,
                bands == 1 ? new int[] {0} : new int[] {0, 1, 2},
                null);
        ColorSpace space = ColorSpace.getInstance(bands == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        ComponentColorModel model =
                new ComponentColorModel(space, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return GreyPixels.image(new BufferedImage(model, samples, false, null));
    }

    /**
     * The JPEG through the reader image files go through, with its budgets and the page's stream budget (charged its
     * raster, as PDFBox's decoding is), at its frame's size (whatever the dictionary says); not turned as its EXIF
     * says, as PDF viewers do not. One with its own ICC profile is left to PDFBox, which ignores the profile where the
     * reader would convert its colours.
     */
    private static Optional<BufferedImage> jpeg(PDImageXObject scan, DocumentLimits limits) throws IOException {
        Optional<byte[]> bytes = ScanJpeg.bytes(scan);
        int[] size = bytes.map(ImageCosts::jpegSize).orElse(null);
        if (size == null
                || size[0] != scan.getWidth()
                || size[1] != scan.getHeight()
                || ImageCosts.jpegIccProfile(bytes.get())
                || !ExifOrientation.ofJpeg(bytes.get()).equals(ExifOrientation.UPRIGHT)) {
            return Optional.empty();
        }
        long raster = (long) size[0] * size[1] * ImageCosts.jpegChannels(bytes.get());
        DecodeBudget.current().check(raster, "a JPEG's raster");
        DecodeBudget.current().count(raster);
        try (ImageDocument image = ImageDocument.open(DocumentType.JPEG, bytes.get(), limits)) {
            BufferedImage read = image.render(0); // at its own size: within the pixel limit the dpi was fitted to
            boolean ownSize = read.getWidth() == size[0] && read.getHeight() == size[1];
            return ownSize ? Optional.of(GreyPixels.image(read)) : Optional.empty();
        }
    }
}
