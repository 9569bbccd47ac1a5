package com.ocrchat.ocr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;

/**
 * Annotations PDFBox would draw an appearance for, when the file gives none: it builds one from the annotation's
 * geometry before any operator of ours is counted, a curl of a cloudy border every few points of its perimeter (a
 * circle a billion points wide ran out of memory in a 625-byte file), and keeps it with the document (100,000 small
 * ones took 725 MB). An annotation is drawn only on or near its page, one whose points lie farther off than the
 * page's own size being unseen, and appearances are built for the first {@link #MOST_BUILT_A_PAGE} of a page.
 */
final class MissingAppearances {
    /** The geometry PDFBox's appearance handlers draw from. */
    private static final List<COSName> GEOMETRY = List.of(
            COSName.RECT, COSName.VERTICES, COSName.INKLIST, COSName.L, COSName.QUADPOINTS, COSName.getPDFName("CL"));

    /** More coordinates than a hand-drawn ink annotation has. */
    private static final int MOST_COORDINATES = 65_536;

    /** More annotations without an appearance than a page of links or comments has. */
    static final int MOST_BUILT_A_PAGE = 2_000;

    private MissingAppearances() {}

    /** Whether the file gives the annotation an appearance to draw. */
    static boolean hasOne(PDAnnotation annotation) {
        return annotation.getAppearance() != null && annotation.getAppearance().getNormalAppearance() != null;
    }

    /** Whether the annotation's points lie on the page or within the page's size of it. */
    static boolean nearThePage(PDAnnotation annotation, PDRectangle page) {
        float width = page.getWidth();
        float height = page.getHeight();
        int coordinates = 0;
        Deque<COSArray> arrays = new ArrayDeque<>();
        for (COSName key : GEOMETRY) {
            if (annotation.getCOSObject().getDictionaryObject(key) instanceof COSArray array) {
                arrays.push(array);
            }
        }
        while (!arrays.isEmpty()) {
            COSArray array = arrays.pop();
            for (int index = 0; index < array.size(); index++) {
                COSBase value = array.getObject(index);
                if (value instanceof COSArray inner) {
                    arrays.push(inner); // an ink list's strokes, one level down
                } else if (value instanceof COSNumber number) {
                    coordinates++;
                    float v = number.floatValue();
                    float low = index % 2 == 0 ? page.getLowerLeftX() - width : page.getLowerLeftY() - height;
                    float high = index % 2 == 0 ? page.getUpperRightX() + width : page.getUpperRightY() + height;
                    if (!(v >= low && v <= high) || coordinates > MOST_COORDINATES) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
