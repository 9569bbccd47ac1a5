package com.ocrchat.ocr;

import com.sun.jna.Pointer;
import java.lang.ref.Reference;
import java.time.Duration;
import net.sourceforge.tess4j.ITessAPI.ETEXT_DESC;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessCancelFunc;
import net.sourceforge.tess4j.TessAPI;

/**
 * One Tesseract reading that can be stopped: its monitor carries a deadline, and a cancel function that
 * Tesseract calls between words stops the reading once its thread is interrupted (the page was given up).
 * Tesseract's native code ignores Java's interrupts; this is how they reach it.
 */
final class PassMonitor {
    private PassMonitor() {}

    /** Recognizes the image set on {@code handle}; false when it failed, ran out of time or was given up. */
    static boolean recognize(TessAPI api, TessBaseAPI handle, Duration budget) {
        ETEXT_DESC monitor = api.TessMonitorCreate();
        // Tesseract calls back on this thread: the interrupt it sees is this page's.
        TessCancelFunc cancel = new TessCancelFunc() {
            @Override
            public boolean apply(Pointer cancelThis, int words) {
                return Thread.currentThread().isInterrupted();
            }
        };
        try {
            api.TessMonitorSetCancelFunc(monitor, cancel);
            api.TessMonitorSetDeadlineMSecs(monitor, (int) Math.min(Integer.MAX_VALUE, budget.toMillis()));
            int status = api.TessBaseAPIRecognize(handle, monitor);
            return status == 0 && !Thread.currentThread().isInterrupted();
        } finally {
            api.TessMonitorDelete(monitor);
            Reference.reachabilityFence(cancel); // native code holds the callback; keep it alive until done
        }
    }
}
