package com.ocrchat.ocr;

import com.ocrchat.error.RecognitionFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * Initialised Tesseract handles, reused: initialising costs more than recognizing a small page. Each
 * thread keeps its own (a handle is not thread-safe), at most {@link #PER_THREAD} of them, least
 * recently used first out; a handle pushed out is deleted, so its native memory is freed.
 */
final class TesseractHandles {
    private static final int PER_THREAD = 4;
    static final String OSD = "osd";

    private final String datapath;
    private final ThreadLocal<Map<String, TessBaseAPI>> handles =
            ThreadLocal.withInitial(() -> new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, TessBaseAPI> eldest) {
                    if (size() <= PER_THREAD) {
                        return false;
                    }
                    api().TessBaseAPIDelete(eldest.getValue());
                    return true;
                }
            });

    TesseractHandles(Path tessdata) {
        this.datapath = tessdata == null ? null : tessdata.toString();
    }

    boolean installed(String model) {
        return datapath != null && Files.exists(Path.of(datapath, model + ".traineddata"));
    }

    /** This thread's handle for a language string ({@code "eng"}, {@code "deu+eng"}), with the LSTM engine. */
    TessBaseAPI recognizer(String languages) {
        return handles.get().computeIfAbsent(languages, key -> {
            TessAPI api = api();
            TessBaseAPI handle = api.TessBaseAPICreate();
            if (api.TessBaseAPIInit2(handle, datapath, key, ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY) != 0) {
                api.TessBaseAPIDelete(handle);
                throw new RecognitionFailure(
                        "Tesseract could not load the language models '" + key + "' from " + datapath);
            }
            return handle;
        });
    }

    /** This thread's handle for orientation and script detection. */
    TessBaseAPI orientation() {
        return handles.get().computeIfAbsent(OSD, key -> {
            TessAPI api = api();
            TessBaseAPI handle = api.TessBaseAPICreate();
            if (api.TessBaseAPIInit2(handle, datapath, OSD, ITessAPI.TessOcrEngineMode.OEM_TESSERACT_ONLY) != 0) {
                api.TessBaseAPIDelete(handle);
                throw new RecognitionFailure("Tesseract could not load its orientation model (osd) from " + datapath
                        + ": apt-get install tesseract-ocr-osd");
            }
            api.TessBaseAPISetPageSegMode(handle, ITessAPI.TessPageSegMode.PSM_OSD_ONLY);
            // Tesseract's diagnostics (e.g. resolution guesses during detection) would go to stderr.
            api.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
            return handle;
        });
    }

    static TessAPI api() {
        try {
            return TessAPI.INSTANCE;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new RecognitionFailure(
                    "Tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd", e);
        }
    }
}
