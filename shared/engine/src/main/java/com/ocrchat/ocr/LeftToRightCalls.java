package com.ocrchat.ocr;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.lang.reflect.Method;
import java.util.Map;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.util.LoadLibs;

/**
 * A result walked in Tesseract's own left-to-right order: its base iterators' methods, called on the result iterator
 * directly (they are exported C++ methods; the C API reaches only the reading-order overrides). Each reading-order
 * step restarts from the page's first word to order the line, so a page of N words costs N² steps that way: half a
 * second on a dense newspaper page. Left to right is the reading order wherever no word reads right to left.
 */
final class LeftToRightCalls {
    /** Itanium C++ names of the methods, as Debian's libtesseract 5 exports them. */
    private static final Map<String, String> SYMBOLS = Map.of(
            "next", "_ZN9tesseract12PageIterator4NextENS_17PageIteratorLevelE",
            "isAtBeginningOf", "_ZNK9tesseract12PageIterator15IsAtBeginningOfENS_17PageIteratorLevelE",
            "text", "_ZNK9tesseract17LTRResultIterator11GetUTF8TextENS_17PageIteratorLevelE");

    private static final boolean AVAILABLE = register();

    private LeftToRightCalls() {}

    /** Whether this Tesseract exports the methods: otherwise results are walked in reading order only. */
    static boolean available() {
        return AVAILABLE;
    }

    /** {@code PageIterator::Next}: a C++ bool, so only the low byte is the answer. */
    static native byte next(TessPageIterator position, int level);

    /** {@code PageIterator::IsAtBeginningOf}. */
    static native byte isAtBeginningOf(TessPageIterator position, int level);

    /** {@code LTRResultIterator::GetUTF8Text}, to be freed with {@code TessDeleteText}. */
    static native Pointer text(TessPageIterator position, int level);

    private static boolean register() {
        try {
            NativeLibrary library = NativeLibrary.getInstance(
                    LoadLibs.getTesseractLibName(), Map.of(Library.OPTION_FUNCTION_MAPPER, (com.sun.jna.FunctionMapper)
                            (NativeLibrary lib, Method method) -> SYMBOLS.get(method.getName())));
            Native.register(LeftToRightCalls.class, library);
            return true;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }
}
