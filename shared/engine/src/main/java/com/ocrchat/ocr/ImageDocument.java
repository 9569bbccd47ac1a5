package com.ocrchat.ocr;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.OcrChatException;
import com.ocrchat.error.UnsupportedDocument;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * PNG, JPEG, GIF (first frame), BMP, WEBP (TwelveMonkeys) and TIFF (every page) through ImageIO; a JPEG turned as its
 * EXIF orientation says it is seen.
 */
final class ImageDocument implements Document {
    private final DocumentType type;
    private final ImageInputStream input;
    private final ImageReader reader;
    private final int pageCount;
    private final DocumentLimits limits;
    private final int jpegScans;
    private final int[] subsampling;
    private final ExifOrientation orientation;
    private final byte[] jpeg; // the file, when it is a JPEG

    /**
     * A PNG or baseline JPEG page over the pixel limit is read at a lower resolution, every 2nd (3rd, ...) pixel each
     * way, up to this many times the limit (a phone's 108 or 200-megapixel photo): their readers decode row by row and
     * allocate only what they keep. The decoding's time still grows with the whole image, inside one native call (a
     * 400-megapixel JPEG takes about 4 s), so larger ones are refused.
     */
    private static final int MOST_SUBSAMPLED_TIMES_THE_LIMIT = 4;

    private ImageDocument(
            DocumentType type,
            ImageInputStream input,
            ImageReader reader,
            int pageCount,
            DocumentLimits limits,
            int jpegScans,
            ExifOrientation orientation,
            byte[] jpeg) {
        this.type = type;
        this.input = input;
        this.reader = reader;
        this.pageCount = pageCount;
        this.limits = limits;
        this.jpegScans = jpegScans;
        this.subsampling = new int[pageCount];
        this.orientation = orientation;
        this.jpeg = jpeg;
    }

    static ImageDocument open(DocumentType type, byte[] bytes, DocumentLimits limits) {
        ImageInputStream input = null;
        try {
            // Counted before the reader sees the file: the JDK's reader would follow a looping chain forever.
            int pages = type == DocumentType.TIFF ? TiffPages.count(bytes, limits.maxPages()) : 1;
            if (type == DocumentType.BMP) {
                ImageCosts.checkBmp(bytes);
            }
            int jpegScans = type == DocumentType.JPEG ? ImageCosts.jpegScans(bytes) : 0;
            String unreadable = type == DocumentType.JPEG ? ImageCosts.unreadableJpegFrame(bytes) : null;
            if (unreadable != null) {
                throw new UnsupportedDocument("The JPG file has " + unreadable
                        + ", which this server does not read; save it with 8 bits a sample, in grey or colour");
            }
            input = new UploadImageStream(bytes);
            ImageReader reader = readerFor(type, input);
            reader.setInput(input, false, true);
            ExifOrientation orientation =
                    type == DocumentType.JPEG ? ExifOrientation.ofJpeg(bytes) : ExifOrientation.UPRIGHT;
            ImageDocument document = new ImageDocument(
                    type,
                    input,
                    reader,
                    pages,
                    limits,
                    jpegScans,
                    orientation,
                    type == DocumentType.JPEG ? bytes : null);
            for (int page = 0; page < pages; page++) {
                document.checkSize(page); // every page's size from its header, before anything is reserved or read
            }
            return document;
        } catch (IOException | RuntimeException e) {
            closeQuietly(input);
            if (e instanceof OcrChatException known) {
                throw known;
            }
            throw corrupt(type, e);
        }
    }

    /** The JDK's own TIFF reader handles multi-page G4, LZW and JPEG TIFFs; prefer it to any plugin's. */
    private static ImageReader readerFor(DocumentType type, ImageInputStream input) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        ImageReader chosen = null;
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            if (chosen == null
                    || (type == DocumentType.TIFF
                            && candidate.getClass().getName().startsWith("com.sun.imageio"))) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            throw corrupt(type, null);
        }
        return chosen;
    }

    private void checkSize(int index) throws IOException {
        int fullWidth = reader.getWidth(index);
        int fullHeight = reader.getHeight(index);
        long fullPixels = (long) fullWidth * fullHeight;
        ImageTypeSpecifier raw = reader.getRawImageType(index);
        if (raw == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(index);
            raw = types.hasNext() ? types.next() : null;
        }
        long mostBytes = ImageCosts.MOST_BYTES_PER_PIXEL * limits.maxPixelsPerPage();
        subsampling[index] = subsampling(
                fullWidth,
                fullHeight,
                raw == null ? Long.MAX_VALUE : ImageCosts.rasterBytes(raw, fullWidth, fullHeight));
        int width = (fullWidth + subsampling[index] - 1) / subsampling[index];
        int height = (fullHeight + subsampling[index] - 1) / subsampling[index];
        long pixels = (long) width * height;
        if (pixels > limits.maxPixelsPerPage()) {
            throw new LimitExceeded(
                    "Page " + (index + 1) + " is " + fullWidth + "x" + fullHeight
                            + " pixels, more than this server accepts per page",
                    Map.of("page", index + 1, "max_pixels_per_page", limits.maxPixelsPerPage()));
        }
        if (Math.max(width, height) > DocumentLimits.MAX_PAGE_SIDE) {
            throw new LimitExceeded(
                    "Page " + (index + 1) + " is " + width + "x" + height + " pixels; a page may be at most "
                            + DocumentLimits.MAX_PAGE_SIDE + " pixels on a side",
                    Map.of("page", index + 1, "max_page_side", DocumentLimits.MAX_PAGE_SIDE));
        }
        long bytes = raw == null ? 0 : ImageCosts.rasterBytes(raw, width, height);
        if (bytes > mostBytes) {
            throw new LimitExceeded(
                    "Page " + (index + 1) + " would decode to " + bytes / 1_000_000 + " MB ("
                            + (bytes * 8 / Math.max(1, pixels))
                            + " bits a pixel), more than the " + mostBytes / 1_000_000
                            + " MB this server decodes per page; save it with 8 bits a channel",
                    Map.of("page", index + 1, "max_decoded_bytes_per_page", mostBytes));
        }
        if (ImageCosts.overScanBudget(jpegScans, fullPixels)) { // every scan is decoded whole, subsampled or not
            throw new LimitExceeded(
                    "The JPEG file has " + jpegScans + " scans of " + fullWidth + "x" + fullHeight
                            + " pixels, more scans than this server decodes at that size",
                    Map.of("scans", jpegScans, "max_scan_pixels", ImageCosts.MOST_SCAN_PIXELS));
        }
    }

    /**
     * 1, or the least step that brings a PNG or a baseline JPEG within the pixel limit when it is not far over it.
     * A progressive JPEG is not: the JDK's reader keeps the coefficients of the whole image, 2 bytes a sample, to
     * draw it again after each scan. Nor is a file whose whole raster would be more than twice the bytes a page may
     * decode to (a 16-bit RGBA PNG): its reader inflates it all, in one call no clock stops.
     */
    private int subsampling(int width, int height, long fullBytes) {
        long pixels = (long) width * height;
        if (pixels <= limits.maxPixelsPerPage()
                || (type != DocumentType.PNG && !(type == DocumentType.JPEG && jpegScans <= 1))
                || pixels > MOST_SUBSAMPLED_TIMES_THE_LIMIT * limits.maxPixelsPerPage()
                || fullBytes > 2 * ImageCosts.MOST_BYTES_PER_PIXEL * limits.maxPixelsPerPage()) {
            return 1;
        }
        int step = 2;
        while ((long) ((width + step - 1) / step) * ((height + step - 1) / step) > limits.maxPixelsPerPage()) {
            step++;
        }
        return step;
    }

    @Override
    public DocumentType type() {
        return type;
    }

    @Override
    public int pageCount() {
        return pageCount;
    }

    @Override
    public BufferedImage render(int index) {
        try {
            ImageReadParam read = reader.getDefaultReadParam();
            read.setSourceSubsampling(subsampling[index], subsampling[index], 0, 0);
            BufferedImage image = reader.read(index, read); // its size and costs were checked when it was opened
            if (image == null) {
                throw corruptPage(index, null);
            }
            return ImageTransforms.upright(ImageTransforms.eightBits(image), orientation);
        } catch (IOException | RuntimeException e) {
            if (e instanceof OcrChatException known) {
                throw known;
            }
            throw corruptPage(index, e);
        }
    }

    /** A JPEG read whole and upright as it is stored, in grey or colour (not CMYK, which browsers may not show). */
    @Override
    public Optional<byte[]> ownJpeg(int index) {
        boolean asStored = jpeg != null && subsampling[index] == 1 && orientation.equals(ExifOrientation.UPRIGHT);
        int channels = asStored ? ImageCosts.jpegChannels(jpeg) : 0;
        return channels == 1 || channels == 3 ? Optional.of(jpeg) : Optional.empty();
    }

    private static UnsupportedDocument corrupt(DocumentType type, Exception cause) {
        return new UnsupportedDocument(
                "The " + name(type) + " file is corrupt or truncated and cannot be read" + reason(cause));
    }

    private UnsupportedDocument corruptPage(int index, Exception cause) {
        return UnsupportedDocument.onPage(
                index + 1,
                "of the " + name(type) + " file is corrupt or truncated and cannot be read" + reason(cause),
                cause);
    }

    private static String name(DocumentType type) {
        return type.name().toLowerCase(Locale.ROOT).replace("jpeg", "jpg").toUpperCase(Locale.ROOT);
    }

    private static String reason(Exception cause) {
        return cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "";
    }

    @Override
    public void close() {
        reader.dispose();
        closeQuietly(input);
    }

    private static void closeQuietly(ImageInputStream input) {
        if (input != null) {
            try {
                input.close();
            } catch (IOException ignored) {
                // Nothing to recover: the stream is over a byte array.
            }
        }
    }
}
