package com.ocrchat.ocr;

import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;

/**
 * Tesseract 5 (LSTM) through tess4j's lazily bound {@link TessAPI}, fed raw 8-bit grey pixels so no
 * Leptonica binding is needed. Each thread keeps one initialised handle per language set and reuses it
 * for every later page: initialising costs more than recognizing a small page.
 */
public final class TesseractEngine implements OcrEngine {
    private static final int RIL_PARA = ITessAPI.TessPageIteratorLevel.RIL_PARA;
    private static final int RIL_TEXTLINE = ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE;
    private static final int RIL_WORD = ITessAPI.TessPageIteratorLevel.RIL_WORD;

    private final String datapath;
    private final ThreadLocal<Map<String, TessBaseAPI>> handles = ThreadLocal.withInitial(HashMap::new);

    public TesseractEngine(Path tessdata) {
        this.datapath = tessdata == null ? null : tessdata.toString();
    }

    @Override
    public Page recognize(BufferedImage image, int pageIndex, String languages) {
        TessAPI api = api();
        TessBaseAPI handle = handleFor(api, languages);
        int width = image.getWidth();
        int height = image.getHeight();
        ByteBuffer pixels = ByteBuffer.allocateDirect(width * height);
        pixels.put(GreyPixels.of(image)).flip();
        try {
            api.TessBaseAPISetImage(handle, pixels, width, height, 1, width);
            api.TessBaseAPISetSourceResolution(handle, 300);
            if (api.TessBaseAPIRecognize(handle, null) != 0) {
                throw new OcrFailure("Tesseract failed to recognize page " + (pageIndex + 1));
            }
            List<Block> blocks = readBlocks(api, handle);
            return new Page(pageIndex, width, height, PageText.of(blocks), blocks);
        } finally {
            api.TessBaseAPIClear(handle);
        }
    }

    private static List<Block> readBlocks(TessAPI api, TessBaseAPI handle) {
        List<Block> blocks = new ArrayList<>();
        TessResultIterator results = api.TessBaseAPIGetIterator(handle);
        if (results == null) {
            return blocks;
        }
        try {
            TessPageIterator position = api.TessResultIteratorGetPageIterator(results);
            BlockBuilder block = null;
            IntBuffer x0 = IntBuffer.allocate(1), y0 = IntBuffer.allocate(1), x1 = IntBuffer.allocate(1), y1 = IntBuffer.allocate(1);
            do {
                Pointer textPointer = api.TessResultIteratorGetUTF8Text(results, RIL_WORD);
                if (textPointer == null) {
                    continue;
                }
                String text = textPointer.getString(0, StandardCharsets.UTF_8.name()).strip();
                api.TessDeleteText(textPointer);
                if (text.isEmpty()) {
                    continue;
                }
                boolean newParagraph = api.TessPageIteratorIsAtBeginningOf(position, RIL_PARA) == ITessAPI.TRUE;
                boolean newLine = api.TessPageIteratorIsAtBeginningOf(position, RIL_TEXTLINE) == ITessAPI.TRUE;
                if (block == null || newParagraph) {
                    if (block != null) {
                        blocks.add(block.build());
                    }
                    block = new BlockBuilder();
                } else if (newLine) {
                    block.newLine();
                }
                api.TessPageIteratorBoundingBox(position, RIL_WORD, x0, y0, x1, y1);
                double confidence = Math.max(0, Math.min(100, api.TessResultIteratorConfidence(results, RIL_WORD))) / 100.0;
                block.add(new Word(text, new int[] {x0.get(0), y0.get(0), Math.max(x1.get(0), x0.get(0) + 1),
                        Math.max(y1.get(0), y0.get(0) + 1)}, confidence));
            } while (api.TessPageIteratorNext(position, RIL_WORD) == ITessAPI.TRUE);
            if (block != null) {
                blocks.add(block.build());
            }
        } finally {
            api.TessResultIteratorDelete(results);
        }
        return blocks;
    }

    private TessBaseAPI handleFor(TessAPI api, String languages) {
        return handles.get().computeIfAbsent(languages, key -> {
            TessBaseAPI handle = api.TessBaseAPICreate();
            if (api.TessBaseAPIInit2(handle, datapath, key, ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY) != 0) {
                api.TessBaseAPIDelete(handle);
                throw new OcrFailure("Tesseract could not load the language models '" + key + "' from " + datapath);
            }
            api.TessBaseAPISetPageSegMode(handle, ITessAPI.TessPageSegMode.PSM_AUTO);
            return handle;
        });
    }

    private static TessAPI api() {
        try {
            return TessAPI.INSTANCE;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new OcrFailure("Tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd", e);
        }
    }

    /** Collects one paragraph's words line by line. */
    private static final class BlockBuilder {
        private final List<Word> words = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        void newLine() {
            if (!text.isEmpty()) {
                text.append('\n');
            }
        }

        void add(Word word) {
            if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                text.append(' ');
            }
            text.append(word.text());
            words.add(word);
        }

        Block build() {
            int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0;
            double weighted = 0;
            int characters = 0;
            for (Word word : words) {
                x0 = Math.min(x0, word.bbox()[0]);
                y0 = Math.min(y0, word.bbox()[1]);
                x1 = Math.max(x1, word.bbox()[2]);
                y1 = Math.max(y1, word.bbox()[3]);
                int length = word.text().codePointCount(0, word.text().length());
                weighted += word.confidence() * length;
                characters += length;
            }
            double confidence = characters == 0 ? 0 : weighted / characters;
            return new Block(text.toString(), new int[] {x0, y0, x1, y1}, Math.round(confidence * 1000) / 1000.0, List.copyOf(words));
        }
    }
}
