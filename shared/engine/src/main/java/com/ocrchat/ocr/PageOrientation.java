package com.ocrchat.ocr;

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
    /** OSD must be this sure before a page is turned. */
    private static final float MIN_CONFIDENCE = 2.0f;

    /** Clockwise degrees the page is turned by (0, 90, 180, 270) and its script's name; 0 and null when OSD cannot tell. */
    record Detection(int degrees, String script) {
        /** The image turned upright (the same image when it is). */
        BufferedImage upright(BufferedImage image) {
            return degrees == 0 ? image : ImageTransforms.rotateClockwise(image, 360 - degrees);
        }
    }

    private final TesseractHandles handles;

    PageOrientation(TesseractHandles handles) {
        this.handles = handles;
    }

    Detection detect(BufferedImage image) {
        TessAPI api = TesseractHandles.api();
        TessBaseAPI osd = handles.orientation();
        ByteBuffer pixels = ByteBuffer.allocateDirect(image.getWidth() * image.getHeight());
        pixels.put(GreyPixels.of(image)).flip();
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
                return new Detection(0, null);
            }
            // The script name points into Tesseract's own tables: read, never freed.
            String name = script.getValue() == null ? null : script.getValue().getString(0);
            return new Detection(confidence.get(0) >= MIN_CONFIDENCE ? degrees.get(0) : 0, name);
        } finally {
            api.TessBaseAPIClear(osd);
        }
    }
}
