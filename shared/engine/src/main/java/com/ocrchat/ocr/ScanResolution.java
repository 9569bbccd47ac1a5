package com.ocrchat.ocr;

import java.io.IOException;
import java.util.Optional;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** The resolution of a PDF page that is one scanned image, which it is rendered at when lower than configured. */
final class ScanResolution {
    private static final float MIN_SCAN_DPI = 100f;

    private ScanResolution() {}

    /**
     * The resolution of a page that is one scanned image (as scanners and OCR tools make them): rendering it
     * finer than that only interpolates pixels and makes recognition slower, as OCRmyPDF knows too.
     */
    static Optional<Float> of(PDPage page) {
        try {
            PDImageXObject scan = onlyImage(page);
            if (scan == null) {
                return Optional.empty();
            }
            PDRectangle box = page.getCropBox();
            float across =
                    Math.max(scan.getWidth(), scan.getHeight()) / (Math.max(box.getWidth(), box.getHeight()) / 72f);
            return Optional.of(Math.max(MIN_SCAN_DPI, across));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The page's one XObject if it is an image; null for forms or several images (a composed page) or none. */
    static PDImageXObject onlyImage(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        if (resources == null) {
            return null;
        }
        PDImageXObject scan = null;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (!(object instanceof PDImageXObject image) || scan != null) {
                return null;
            }
            scan = image;
        }
        return scan;
    }
}
