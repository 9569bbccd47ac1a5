package com.ocrchat.ocr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A PDF page that is one scanned image and nothing else, as scanners, img2pdf and OCR tools write a scan: {@code q w 0 0
 * h x y cm /Im Do Q} over the whole crop box, unrotated, without annotations. Rendered, such a page is that image: its
 * JPEG is kept as it is ({@link ScanJpeg}), and its pixels read without drawing it ({@link ScanPixels}).
 */
final class WholePageScan {
    /** The operators and operands of {@code q w 0 0 h x y cm /Im Do Q}: any page longer is drawn otherwise. */
    private static final int MOST_TOKENS = 11;

    /** How far (in points) the image may fall short of or overrun the crop box: rounding by the producer. */
    private static final float TOLERANCE = 0.5f;

    private WholePageScan() {}

    /**
     * The page's one image if the page, rendered, is that image whole and upright (unturned, without annotations, drawn
     * over the crop box), in plain grey or RGB of 8 bits a sample (no /Decode, no mask, not CMYK or indexed); a JPEG's
     * data alone (no /ColorTransform or other parameters), as a JPEG reader takes it. Null for any other page.
     */
    static PDImageXObject of(PDPage page) throws IOException {
        if (page.getRotation() % 360 != 0 || !page.getAnnotations().isEmpty()) {
            return null;
        }
        PDImageXObject found = ScanResolution.onlyImage(page);
        if (found == null
                || (found.getStream().getFilters().contains(COSName.DCT_DECODE)
                        && found.getCOSObject().containsKey(COSName.DECODE_PARMS))
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
        return plain && (components == 1 || components == 3) && drawnOverTheCropBox(page) ? found : null;
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

    /** Whether the image, drawn over the page at {@code dpi}, is at its own pixels (within the producer's rounding). */
    static boolean atOwnSize(PDImageXObject scan, PDRectangle box, float dpi) {
        double pixelsOff = TOLERANCE * dpi / 72 + 1;
        return Math.abs(scan.getWidth() - box.getWidth() * dpi / 72) <= pixelsOff
                && Math.abs(scan.getHeight() - box.getHeight() * dpi / 72) <= pixelsOff;
    }
}
