package com.ocrchat.ocr;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.util.LoadLibs;

/**
 * The few calls that walk a result word by word, JNA direct-mapped: reading a dense newspaper page makes tens of
 * thousands of them, which cost seconds through tess4j's interface-mapped {@code TessAPI} (tess4j's own direct
 * mapping, {@code TessAPI1}, binds functions Debian's Tesseract 5.3 does not have, and fails to load).
 */
final class ResultCalls {
    static {
        Native.register(ResultCalls.class, LoadLibs.getTesseractLibName());
    }

    private ResultCalls() {}

    static native TessResultIterator TessBaseAPIGetIterator(TessBaseAPI handle);

    static native TessPageIterator TessResultIteratorGetPageIterator(TessResultIterator results);

    static native Pointer TessResultIteratorGetUTF8Text(TessResultIterator results, int level);

    static native void TessDeleteText(Pointer text);

    static native int TessPageIteratorIsAtBeginningOf(TessPageIterator position, int level);

    static native int TessPageIteratorBoundingBox(
            TessPageIterator position, int level, int[] left, int[] top, int[] right, int[] bottom);

    static native float TessResultIteratorConfidence(TessResultIterator results, int level);

    static native int TessPageIteratorNext(TessPageIterator position, int level);

    static native void TessResultIteratorDelete(TessResultIterator results);
}
