package com.ocrchat.ocr;

import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Map;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;
import com.sun.jna.ptr.PointerByReference;

/**
 * Tesseract 5 (LSTM) through tess4j's lazily bound {@link TessAPI}, fed raw 8-bit grey pixels so no
 * Leptonica binding is needed. Each thread keeps one initialised handle per language set (and one for
 * orientation detection) and reuses it for every later page: initialising costs more than recognizing
 * a small page. Pages lying on their side are turned upright first; text too small or too large for
 * Tesseract is rescaled.
 */
public final class TesseractEngine implements OcrEngine {
    private static final int RIL_PARA = ITessAPI.TessPageIteratorLevel.RIL_PARA;
    private static final int RIL_TEXTLINE = ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE;
    private static final int RIL_WORD = ITessAPI.TessPageIteratorLevel.RIL_WORD;

    private static final String OSD = "osd";
    private static final String ENGLISH = "eng";
    /** Tesseract's Latin script model (Debian: tesseract-ocr-script-latn). */
    private static final String LATIN = "Latin";

    private final String datapath;
    private final ThreadLocal<Map<String, TessBaseAPI>> handles = ThreadLocal.withInitial(HashMap::new);

    public TesseractEngine(Path tessdata) {
        this.datapath = tessdata == null ? null : tessdata.toString();
    }

    /** Tesseract's orientation detection must be this sure before a page is turned. */
    private static final float MIN_ORIENTATION_CONFIDENCE = 2.0f;
    /** Median word heights (pixels) outside which text is too small or too large for Tesseract. */
    private static final int SMALLEST_WORDS = 16;
    private static final int LARGEST_WORDS = 200;
    private static final int GOOD_WORD_HEIGHT = 48;
    /** A reading this unsure (0..1) is likely the wrong script's model at work. */
    private static final double POOR_READING = 0.6;

    /**
     * Upright pages (nearly all) are recognized once. Only a page that reads poorly (few words, or low
     * confidence) is shown to Tesseract's orientation detection, and recognized again if it was turned.
     */
    @Override
    public Recognition read(BufferedImage image, int pageIndex, String languages) {
        if (Languages.AUTO.equals(languages)) {
            return readAuto(image, pageIndex);
        }
        Pass first = pass(image, pageIndex, languages);
        if (first.upright() && readsWell(first.page())) {
            return new Recognition(first.page(), image);
        }
        int turned = detect(image).degrees();
        if (turned == 0) {
            return new Recognition(first.page(), image);
        }
        BufferedImage upright = ImageTransforms.rotateClockwise(image, 360 - turned);
        return new Recognition(recognize(upright, pageIndex, languages), upright);
    }

    /** Tesseract's script names (OSD) and the models that read them. */
    private static final Map<String, String> SCRIPT_MODELS = Map.ofEntries(
            Map.entry("Latin", "eng"), Map.entry("Cyrillic", "rus"), Map.entry("Greek", "ell"), Map.entry("Arabic", "ara"),
            Map.entry("Hebrew", "heb"), Map.entry("Han", "chi_sim"), Map.entry("Japanese", "jpn"), Map.entry("Katakana", "jpn"),
            Map.entry("Hiragana", "jpn"), Map.entry("Hangul", "kor"), Map.entry("Korean", "kor"), Map.entry("Devanagari", "hin"), Map.entry("Thai", "tha"),
            Map.entry("Bengali", "ben"), Map.entry("Tamil", "tam"), Map.entry("Telugu", "tel"), Map.entry("Kannada", "kan"),
            Map.entry("Malayalam", "mal"), Map.entry("Gujarati", "guj"), Map.entry("Gurmukhi", "pan"), Map.entry("Georgian", "kat"),
            Map.entry("Armenian", "hye"), Map.entry("Ethiopic", "amh"), Map.entry("Khmer", "khm"), Map.entry("Lao", "lao"),
            Map.entry("Myanmar", "mya"), Map.entry("Sinhala", "sin"), Map.entry("Tibetan", "bod"), Map.entry("Oriya", "ori"),
            Map.entry("Syriac", "syr"), Map.entry("Thaana", "div"), Map.entry("Cherokee", "chr"));

    /** Lingua's ISO 639-3 codes where Tesseract names its model otherwise. */
    private static final Map<String, String> LINGUA_TO_TESSERACT = Map.of("zho", "chi_sim", "nob", "nor", "nno", "nor", "tgl", "fil");

    /**
     * language=auto, cheapest first. Most pages are in the Latin script, which the English model reads well:
     * the page is read with English, and only a page that reads poorly (another script, or a page on its
     * side) goes to Tesseract OSD (as costly as reading the page), which tells the page's script and turn;
     * the page is then read with that script's model. When the language detector names another language,
     * the page is read again with that language's own model (German; Chinese on a page OSD called Japanese
     * ...), going through Tesseract's Latin script model when English letters hid the language. A page whose
     * script OSD cannot name and that reads unsure is tried with each installed script's model.
     */
    private Recognition readAuto(BufferedImage image, int pageIndex) {
        Pass english = installed(ENGLISH) ? pass(image, pageIndex, ENGLISH) : null;
        if (english != null && english.upright() && readsWell(english.page())) {
            return new Recognition(inItsLanguage(english.page(), image, pageIndex, ENGLISH), image);
        }
        Detection detection = detect(image);
        BufferedImage upright = detection.degrees() == 0 ? image : ImageTransforms.rotateClockwise(image, 360 - detection.degrees());
        String model = Optional.ofNullable(detection.script()).map(SCRIPT_MODELS::get).filter(this::installed).orElse(ENGLISH);
        Page page = english != null && model.equals(ENGLISH) && upright == image ? english.page() : recognize(upright, pageIndex, model);
        if (detection.script() == null && confidence(page) < POOR_READING) {
            page = mostConfident(page, upright, pageIndex);
        }
        return new Recognition(inItsLanguage(page, upright, pageIndex, model), upright);
    }

    /** The page read again with its language's own model, when the detector names an installed one other than {@code model}. */
    private Page inItsLanguage(Page page, BufferedImage upright, int pageIndex, String model) {
        Optional<String> language = language(page);
        if (model.equals(ENGLISH) && language.isPresent() && !language.get().equals(ENGLISH) && !installed(language.get())
                && installed(LATIN)) {
            // English letters may have hidden the language (Vietnamese without its diacritics reads as Tswana):
            // the Latin script model reads every Latin language's letters, and the detector asks again.
            page = recognize(upright, pageIndex, LATIN);
            model = LATIN;
            language = language(page);
        }
        String used = model;
        language = language.filter(code -> !code.equals(used) && !(code.equals(ENGLISH) && used.equals(LATIN))).filter(this::installed);
        return language.isPresent() ? recognize(upright, pageIndex, language.get()) : page;
    }

    /** The page's language as a Tesseract model name. */
    private static Optional<String> language(Page page) {
        return LanguageDetection.iso6393(page.text()).map(code -> LINGUA_TO_TESSERACT.getOrDefault(code, code));
    }

    /**
     * OSD could not name the script (too little text) and the Latin reading is unsure: each installed model
     * of another script reads the page, and the most confident reading is kept.
     */
    private Page mostConfident(Page latin, BufferedImage image, int pageIndex) {
        Page best = latin;
        for (String model : new java.util.TreeSet<>(SCRIPT_MODELS.values())) {
            if (model.equals(ENGLISH) || !installed(model)) {
                continue;
            }
            Page candidate = recognize(image, pageIndex, model);
            if (confidence(candidate) > confidence(best)) {
                best = candidate;
            }
        }
        return best;
    }

    private static double confidence(Page page) {
        double characters = page.blocks().stream().mapToInt(block -> block.text().length()).sum();
        return characters == 0 ? 0 : confidentCharacters(page) / characters;
    }

    private boolean installed(String model) {
        return datapath != null && Files.exists(Path.of(datapath, model + ".traineddata"));
    }

    private static boolean readsWell(Page page) {
        long words = page.blocks().stream().mapToLong(block -> block.words().size()).sum();
        return words >= 5 && confidence(page) >= 0.75;
    }

    /** How a page was turned (clockwise degrees: 0, 90, 180, 270) and its script, by Tesseract OSD. */
    private record Detection(int degrees, String script) {
    }

    /** 0 degrees and no script when Tesseract cannot tell (too little text). */
    private Detection detect(BufferedImage image) {
        TessAPI api = api();
        TessBaseAPI osd = handles.get().computeIfAbsent(OSD, key -> {
            TessBaseAPI handle = api.TessBaseAPICreate();
            if (api.TessBaseAPIInit2(handle, datapath, OSD, ITessAPI.TessOcrEngineMode.OEM_TESSERACT_ONLY) != 0) {
                api.TessBaseAPIDelete(handle);
                throw new OcrFailure("Tesseract could not load its orientation model (osd) from " + datapath
                        + ": apt-get install tesseract-ocr-osd");
            }
            api.TessBaseAPISetPageSegMode(handle, ITessAPI.TessPageSegMode.PSM_OSD_ONLY);
            // Tesseract's diagnostics (e.g. resolution guesses during detection) would go to stderr.
            api.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
            return handle;
        });
        ByteBuffer pixels = ByteBuffer.allocateDirect(image.getWidth() * image.getHeight());
        byte[] grey = GreyPixels.of(image);
        pixels.put(grey).flip();
        try {
            api.TessBaseAPISetImage(osd, pixels, image.getWidth(), image.getHeight(), 1, image.getWidth());
            api.TessBaseAPISetSourceResolution(osd, 300);
            IntBuffer degrees = IntBuffer.allocate(1);
            FloatBuffer confidence = FloatBuffer.allocate(1);
            FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
            PointerByReference script = new PointerByReference();
            boolean found = api.TessBaseAPIDetectOrientationScript(osd, degrees, confidence, script, scriptConfidence) == ITessAPI.TRUE;
            if (!found) {
                return new Detection(0, null);
            }
            // The script name points into Tesseract's own tables: read, never freed.
            String name = script.getValue() == null ? null : script.getValue().getString(0);
            return new Detection(confidence.get(0) >= MIN_ORIENTATION_CONFIDENCE ? degrees.get(0) : 0, name);
        } finally {
            api.TessBaseAPIClear(osd);
        }
    }

    /**
     * Recognizes the page; when its words come out far too small or too large for Tesseract (a scan with a
     * wrong or missing DPI), the page is rescaled and recognized again, boxes mapped back to this image.
     */
    @Override
    public Page recognize(BufferedImage image, int pageIndex, String languages) {
        return pass(image, pageIndex, languages).page();
    }

    /** A page as recognized, and whether its text stood upright. */
    private record Pass(Page page, boolean upright) {
    }

    private Pass pass(BufferedImage image, int pageIndex, String languages) {
        Pass pass = segmented(image, pageIndex, languages);
        double height = medianWordHeight(pass.page());
        if (height <= 0 || height >= SMALLEST_WORDS && height <= LARGEST_WORDS) {
            return pass;
        }
        double factor = Math.max(0.25, Math.min(4.0, GOOD_WORD_HEIGHT / height));
        Pass rescaled = segmented(ImageTransforms.scale(image, factor), pageIndex, languages);
        return new Pass(rescaled.page().scaled(1 / factor, image.getWidth(), image.getHeight()), rescaled.upright());
    }

    private static double medianWordHeight(Page page) {
        double[] heights = page.blocks().stream().flatMap(block -> block.words().stream())
                .mapToDouble(word -> word.bbox()[3] - word.bbox()[1]).sorted().toArray();
        return heights.length == 0 ? 0 : heights[heights.length / 2];
    }

    /**
     * With Debian's Korean model, Tesseract's automatic page segmentation drops whole lines of Hangul (the
     * tesseract command line does the same); read as one column of text they are all there. So a Korean page
     * is read both ways and the reading with more confident characters kept.
     */
    private Pass segmented(BufferedImage image, int pageIndex, String languages) {
        Pass auto = recognizeAsIs(image, pageIndex, languages, ITessAPI.TessPageSegMode.PSM_AUTO);
        if (!Arrays.asList(languages.split("\\+")).contains("kor")) {
            return auto;
        }
        Pass column = recognizeAsIs(image, pageIndex, languages, ITessAPI.TessPageSegMode.PSM_SINGLE_COLUMN);
        return confidentCharacters(column.page()) > confidentCharacters(auto.page()) ? column : auto;
    }

    private static double confidentCharacters(Page page) {
        return page.blocks().stream().mapToDouble(block -> block.confidence() * block.text().length()).sum();
    }

    private Pass recognizeAsIs(BufferedImage image, int pageIndex, String languages, int segmentation) {
        TessAPI api = api();
        TessBaseAPI handle = handleFor(api, languages);
        int width = image.getWidth();
        int height = image.getHeight();
        ByteBuffer pixels = ByteBuffer.allocateDirect(width * height);
        byte[] grey = GreyPixels.of(image);
        pixels.put(grey).flip();
        try {
            api.TessBaseAPISetPageSegMode(handle, segmentation);
            api.TessBaseAPISetImage(handle, pixels, width, height, 1, width);
            api.TessBaseAPISetSourceResolution(handle, 300);
            if (api.TessBaseAPIRecognize(handle, null) != 0) {
                throw new OcrFailure("Tesseract failed to recognize page " + (pageIndex + 1));
            }
            List<Block> blocks = Paragraphs.joinContinuations(readBlocks(api, handle));
            return new Pass(new Page(pageIndex, width, height, PageText.of(blocks), blocks, RuledTables.find(grey, width, height, blocks),
                    null, List.of(), null), upright(blocks));
        } finally {
            api.TessBaseAPIClear(handle);
        }
    }

    /**
     * Tesseract follows lines turned by 90 degrees (and says they are upright), so the page is judged by its
     * words: on a page lying on its side, words of three letters or more are taller than they are wide.
     */
    private static boolean upright(List<Block> blocks) {
        int words = 0;
        int tall = 0;
        for (Block block : blocks) {
            for (Word word : block.words()) {
                if (word.text().codePointCount(0, word.text().length()) >= 3) {
                    words++;
                    if (word.bbox()[3] - word.bbox()[1] > word.bbox()[2] - word.bbox()[0]) {
                        tall++;
                    }
                }
            }
        }
        return tall * 2 <= words;
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
            String line = "";
            int cursor = 0;
            IntBuffer x0 = IntBuffer.allocate(1), y0 = IntBuffer.allocate(1), x1 = IntBuffer.allocate(1), y1 = IntBuffer.allocate(1);
            do {
                Pointer textPointer = api.TessResultIteratorGetUTF8Text(results, RIL_WORD);
                if (textPointer == null) {
                    continue;
                }
                String raw = textPointer.getString(0, StandardCharsets.UTF_8.name()).strip();
                String text = greekMu(raw);
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
                if (block.atLineStart()) {
                    line = lineText(api, results);
                    cursor = 0;
                }
                // Tesseract's own line text says where words are spaced: Korean comes word by word as syllables.
                int at = line.indexOf(raw, cursor);
                boolean spaced = at < 0 || line.substring(cursor, at).chars().anyMatch(Character::isWhitespace);
                cursor = at < 0 ? cursor : at + raw.length();
                api.TessPageIteratorBoundingBox(position, RIL_WORD, x0, y0, x1, y1);
                double confidence = Math.max(0, Math.min(100, api.TessResultIteratorConfidence(results, RIL_WORD))) / 100.0;
                block.add(new Word(text, new int[] {x0.get(0), y0.get(0), Math.max(x1.get(0), x0.get(0) + 1),
                        Math.max(y1.get(0), y0.get(0) + 1)}, confidence), spaced);
            } while (api.TessPageIteratorNext(position, RIL_WORD) == ITessAPI.TRUE);
            if (block != null) {
                blocks.add(block.build());
            }
        } finally {
            api.TessResultIteratorDelete(results);
        }
        return blocks;
    }

    private static String lineText(TessAPI api, TessResultIterator results) {
        Pointer pointer = api.TessResultIteratorGetUTF8Text(results, RIL_TEXTLINE);
        if (pointer == null) {
            return "";
        }
        String line = pointer.getString(0, StandardCharsets.UTF_8.name());
        api.TessDeleteText(pointer);
        return line;
    }

    /** Tesseract's Greek model writes the micro sign (U+00B5) for mu (U+03BC) inside Greek words. */
    static String greekMu(String word) {
        if (word.indexOf('\u00B5') < 0 || word.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK)) {
            return word;
        }
        return word.replace('\u00B5', '\u03BC');
    }

    private TessBaseAPI handleFor(TessAPI api, String languages) {
        return handles.get().computeIfAbsent(languages, key -> {
            TessBaseAPI handle = api.TessBaseAPICreate();
            if (api.TessBaseAPIInit2(handle, datapath, key, ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY) != 0) {
                api.TessBaseAPIDelete(handle);
                throw new OcrFailure("Tesseract could not load the language models '" + key + "' from " + datapath);
            }
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

        boolean atLineStart() {
            return text.isEmpty() || text.charAt(text.length() - 1) == '\n';
        }

        /** {@code spaced}: Tesseract put a space before the word (it never does in scripts written without spaces). */
        void add(Word word, boolean spaced) {
            if (!atLineStart() && spaced
                    && !(Spacing.unspaced(text.codePointBefore(text.length())) && Spacing.unspaced(word.text().codePointAt(0)))) {
                text.append(' ');
            }
            text.append(word.text());
            words.add(word);
        }

        Block build() {
            return new Block(text.toString(), Word.union(words), Word.meanConfidence(words).orElse(0), List.copyOf(words));
        }
    }
}
