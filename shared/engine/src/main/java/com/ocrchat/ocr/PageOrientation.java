package com.ocrchat.ocr;

import com.ocrchat.page.Page;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;

/** How a page is turned and which script it is in, by Tesseract's orientation and script detection (OSD). */
final class PageOrientation {
    /** OSD this sure is taken at its word (on a page whose lines run down it); less sure, its turn is only tried. */
    private static final float SURE = 2.0f;

    /** OSD less sure than this is taken as no turn at all (it guesses on a page of three short lines at about 1). */
    private static final float GUESS = 0.5f;

    /**
     * Clockwise degrees the page is turned by (0, 90, 180, 270), whether OSD is sure of them, and the script's name; 0
     * and null when OSD cannot tell.
     */
    record Detection(int degrees, boolean sure, String script) {
        /**
         * Whether the turn is in doubt, so that it is kept only if the turned page reads better: OSD unsure (a short
         * page), or the page's lines already ran across it ({@code linesAcross}; OSD can be sure and wrong, as on a
         * typed table of figures). Lines read down the page, with OSD sure, are sideways whatever the readings'
         * confidence (Tesseract reads a vertical line of text too, in the wrong place).
         */
        boolean inDoubt(boolean linesAcross) {
            return !sure || linesAcross;
        }

        /** The image turned upright (the same image when it is). */
        BufferedImage upright(BufferedImage image) {
            return PageOrientation.upright(image, degrees);
        }
    }

    /** A page as read, and the clockwise degrees it was turned by to be read upright (0 when it was read as given). */
    record Turned(Page page, int degrees) {
        /** The image as read: turned as the page was. */
        BufferedImage upright(BufferedImage image) {
            return PageOrientation.upright(image, degrees);
        }
    }

    /** An image turned {@code degrees} clockwise, turned back upright (the same image for 0). */
    static BufferedImage upright(BufferedImage image, int degrees) {
        return degrees == 0 ? image : ImageTransforms.rotateClockwise(image, 360 - degrees);
    }

    private final TesseractHandles handles;

    PageOrientation(TesseractHandles handles) {
        this.handles = handles;
    }

    Detection detect(BufferedImage image) {
        TessAPI api = TesseractHandles.api();
        TessBaseAPI osd = handles.orientation();
        ByteBuffer pixels = HandleReadings.directPixels(GreyPixels.of(image));
        try {
            api.TessBaseAPISetImage(osd, pixels, image.getWidth(), image.getHeight(), 1, image.getWidth());
            api.TessBaseAPISetSourceResolution(osd, 300);
            IntBuffer degrees = IntBuffer.allocate(1);
            FloatBuffer confidence = FloatBuffer.allocate(1);
            FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
            PointerByReference script = new PointerByReference();
            boolean found = api.TessBaseAPIDetectOrientationScript(osd, degrees, confidence, script, scriptConfidence)
                    == ITessAPI.TRUE;
            if (!found) {
                return new Detection(0, false, null);
            }
            // The script name points into Tesseract's own tables: read, never freed.
            String name = script.getValue() == null ? null : script.getValue().getString(0);
            float sureness = confidence.get(0);
            return new Detection(sureness >= GUESS ? degrees.get(0) : 0, sureness >= SURE, name);
        } finally {
            api.TessBaseAPIClear(osd);
        }
    }
}
