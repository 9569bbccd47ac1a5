package com.ocrchat.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A PDF page that is one JPEG and nothing else ({@link WholePageScan}), as scanners, img2pdf and OCR tools write a
 * scan. Rendered, such a page is that image, so the JPEG itself is kept for the searchable PDF and the job page: in its
 * own colours (pages are rendered in grey to be read), without a second compression, and without the time of one.
 */
final class ScanJpeg {
    private ScanJpeg() {}

    static Optional<byte[]> of(PDPage page) {
        try {
            PDImageXObject jpeg = WholePageScan.of(page);
            if (jpeg == null
                    || !List.of(COSName.DCT_DECODE).equals(jpeg.getStream().getFilters())) {
                return Optional.empty();
            }
            return bytes(jpeg);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // drawn and kept as any other page
        }
    }

    /** The JPEG's own bytes, when its frame has the channels its colour space says (a JPEG reader reads it so). */
    static Optional<byte[]> bytes(PDImageXObject jpeg) throws IOException {
        try (InputStream raw = jpeg.getCOSObject().createRawInputStream()) {
            byte[] bytes = raw.readAllBytes();
            int channels = ImageCosts.jpegChannels(bytes);
            return channels == jpeg.getColorSpace().getNumberOfComponents() ? Optional.of(bytes) : Optional.empty();
        }
    }
}
