package com.ocrchat.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A PDF page that is one JPEG and nothing else, as scanners, img2pdf and OCR tools write a scan: {@code q w 0 0 h x y
 * cm /Im Do Q} over the whole crop box, unrotated, without annotations. Rendered, such a page is that image, so the
 * JPEG itself is kept for the searchable PDF and the job page: in its own colours (pages are rendered in grey to be
 * read), without a second compression, and without the time of one.
 */
final class ScanJpeg {
    /** The operators and operands of {@code q w 0 0 h x y cm /Im Do Q}: any page longer is drawn otherwise. */
    private static final int MOST_TOKENS = 11;

    /** How far (in points) the image may fall short of or overrun the crop box: rounding by the producer. */
    private static final float TOLERANCE = 0.5f;

    private ScanJpeg() {}

    /**
     * The page read straight from its JPEG, in grey, when it is drawn at {@code dpi} at the JPEG's own size (within
     * the producer's rounding); else empty, and PDFBox draws it. PDFBox takes 300-600 ms for an A4 grey scan at 300
     * dpi under C1 (the server's JIT), decoding it and drawing it again pixel by pixel; the JPEG reader alone, 25-50
     * ms. A file's EXIF turn is not taken (PDF viewers ignore it), nor is a JPEG read whose budgets refuse it or that
     * fails to decode: PDFBox draws it, within its own budgets, and says what is wrong with it.
     */
    static Optional<BufferedImage> decoded(PDPage page, float dpi, DocumentLimits limits) {
        try {
            PDImageXObject jpeg = onlyJpeg(page);
            PDRectangle box = page.getCropBox();
            double pixelsOff = TOLERANCE * dpi / 72 + 1;
            if (jpeg == null
                    || Math.abs(jpeg.getWidth() - box.getWidth() * dpi / 72) > pixelsOff
                    || Math.abs(jpeg.getHeight() - box.getHeight() * dpi / 72) > pixelsOff) {
                return Optional.empty();
            }
            Optional<byte[]> bytes = of(page);
            int[] size = bytes.map(ImageCosts::jpegSize).orElse(null); // the frame's, whatever the dictionary says
            if (size == null
                    || size[0] != jpeg.getWidth()
                    || size[1] != jpeg.getHeight()
                    || !ExifOrientation.ofJpeg(bytes.get()).equals(ExifOrientation.UPRIGHT)) {
                return Optional.empty();
            }
            try (ImageDocument image = ImageDocument.open(DocumentType.JPEG, bytes.get(), limits)) {
                BufferedImage read = image.render(0); // at its own size: within the pixel limit the dpi was fitted to
                boolean ownSize = read.getWidth() == size[0] && read.getHeight() == size[1];
                return ownSize ? Optional.of(GreyPixels.image(read)) : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<byte[]> of(PDPage page) {
        try {
            if (page.getRotation() % 360 != 0 || !page.getAnnotations().isEmpty()) {
                return Optional.empty();
            }
            PDImageXObject jpeg = onlyJpeg(page);
            if (jpeg == null || !drawnOverTheCropBox(page)) {
                return Optional.empty();
            }
            try (InputStream raw = jpeg.getCOSObject().createRawInputStream()) {
                byte[] bytes = raw.readAllBytes();
                int channels = ImageCosts.jpegChannels(bytes);
                return channels == jpeg.getColorSpace().getNumberOfComponents() ? Optional.of(bytes) : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // drawn and kept as any other page
        }
    }

    /**
     * The page's one XObject if it is a plain JPEG: DCT data alone (no /ColorTransform or other parameters), in grey or
     * RGB as a JPEG reader takes it (no /Decode, no mask, not CMYK or indexed).
     */
    private static PDImageXObject onlyJpeg(PDPage page) throws IOException {
        PDImageXObject found = ScanResolution.onlyImage(page);
        if (found == null
                || !List.of(COSName.DCT_DECODE).equals(found.getStream().getFilters())
                || found.getCOSObject().containsKey(COSName.DECODE_PARMS)
                || found.getCOSObject().containsKey(COSName.DECODE)
                || found.getCOSObject().containsKey(COSName.SMASK)
                || found.getCOSObject().containsKey(COSName.MASK)
                || found.getCOSObject().containsKey(COSName.OC)
                || found.getBitsPerComponent() != 8
                || found.isStencil()) {
            return null;
        }
        String space = found.getColorSpace().getName();
        boolean plain = space.equals("DeviceGray") || space.equals("DeviceRGB") || space.equals("ICCBased");
        int components = found.getColorSpace().getNumberOfComponents();
        return plain && (components == 1 || components == 3) ? found : null;
    }

    /** Whether the content is exactly {@code [q] w 0 0 h x y cm /Name Do [Q]} with the image over the crop box. */
    private static boolean drawnOverTheCropBox(PDPage page) throws IOException {
        PDFStreamParser parser = new PDFStreamParser(page);
        List<Object> tokens = new ArrayList<>();
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (tokens.size() == MOST_TOKENS) {
                return false;
            }
            tokens.add(token);
        }
        if (!tokens.isEmpty() && isOperator(tokens.get(0), "q") && isOperator(tokens.get(tokens.size() - 1), "Q")) {
            tokens = tokens.subList(1, tokens.size() - 1);
        }
        if (tokens.size() != 9
                || !isOperator(tokens.get(6), "cm")
                || !(tokens.get(7) instanceof COSName name)
                || !page.getResources().isImageXObject(name)
                || !isOperator(tokens.get(8), "Do")) {
            return false;
        }
        float[] matrix = new float[6];
        for (int i = 0; i < 6; i++) {
            if (!(tokens.get(i) instanceof COSNumber number)) {
                return false;
            }
            matrix[i] = number.floatValue();
        }
        PDRectangle box = page.getCropBox();
        return matrix[1] == 0
                && matrix[2] == 0
                && near(matrix[0], box.getWidth())
                && near(matrix[3], box.getHeight())
                && near(matrix[4], box.getLowerLeftX())
                && near(matrix[5], box.getLowerLeftY());
    }

    private static boolean isOperator(Object token, String name) {
        return token instanceof Operator operator && operator.getName().equals(name);
    }

    private static boolean near(float a, float b) {
        return Math.abs(a - b) <= TOLERANCE;
    }
}
