package com.ocrchat.ocr;

import com.ocrchat.language.Languages;
import com.ocrchat.observe.Stages;
import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.PageText;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * Tesseract 5 (LSTM) through tess4j's lazily bound {@link TessAPI}, fed raw 8-bit grey pixels so no
 * Leptonica binding is needed. Handles are pooled per thread ({@link TesseractHandles}); pages lying on
 * their side are turned upright ({@link PageOrientation}); {@code language=auto} is {@link AutoLanguage};
 * Tesseract's result becomes words and blocks in {@link TesseractResults}; a lone page is read on two threads
 * ({@link PageReadings}). Text too small or too large for Tesseract is rescaled.
 */
public final class TesseractEngine implements OcrEngine {
    /** Median word heights (pixels) outside which text is too small or too large for Tesseract. */
    private static final int SMALLEST_WORDS = 16;

    private static final int LARGEST_WORDS = 200;
    private static final int GOOD_WORD_HEIGHT = 48;

    private final TesseractHandles handles;
    private final PageOrientation orientation;
    private final AutoLanguage auto;
    private final long maxPixels;
    private final PageReadings readings;

    /** With the default budgets (100 megapixels for any rescaled copy, a minute for one pass), on one thread. */
    public TesseractEngine(Path tessdata) {
        this(tessdata, 100_000_000L, Duration.ofSeconds(60), 1);
    }

    /** The pipeline whose waiting pages keep a lone page from taking a second thread (they will want it). */
    public void pagesWaitIn(OcrPipeline pipeline) {
        readings.pagesWaitIn(pipeline::pagesWaiting);
    }

    /**
     * {@code maxPixels} bounds a rescaled copy of a page as it bounds the page; {@code passBudget}, one reading;
     * {@code threads}, how many Tesseract readings run at once (a lone page is read on two of them).
     */
    public TesseractEngine(Path tessdata, long maxPixels, Duration passBudget, int threads) {
        this.maxPixels = maxPixels;
        this.handles = new TesseractHandles(tessdata);
        this.readings = new PageReadings(handles, passBudget, threads);
        this.orientation = new PageOrientation(handles);
        this.auto = new AutoLanguage(this, orientation, handles);
    }

    /**
     * Upright pages (nearly all) are recognized once. Only a page that reads poorly (few words, or low
     * confidence) is shown to orientation detection, and recognized again if it was turned.
     */
    @Override
    public Recognition read(BufferedImage image, int pageIndex, String languages) {
        if (Languages.AUTO.equals(languages)) {
            return auto.read(image, pageIndex);
        }
        Pass first = pass(image, pageIndex, languages);
        if (first.upright() && readsWell(first.page())) {
            return new Recognition(first.page(), image);
        }
        PageOrientation.Detection detection =
                Stages.time(Stages.ORIENTATION, pageIndex, () -> orientation.detect(image));
        if (detection.degrees() == 0) {
            return new Recognition(first.page(), image);
        }
        BufferedImage upright = detection.upright(image);
        return new Recognition(recognize(upright, pageIndex, languages), upright);
    }

    /**
     * Recognizes the page; when its words come out far too small or too large for Tesseract (a scan with a
     * wrong or missing DPI), the page is rescaled and recognized again, boxes mapped back to this image.
     */
    @Override
    public Page recognize(BufferedImage image, int pageIndex, String languages) {
        return pass(image, pageIndex, languages).page();
    }

    /** A page as recognized and whether its text stood upright; or, not read (page null), its words' height. */
    record Pass(Page page, boolean upright, double wordHeight) {}

    /**
     * Text far too small or too large is seen before it is read, from the layout's lines, or else from the words
     * read: either way the page is rescaled and read (again).
     */
    Pass pass(BufferedImage image, int pageIndex, String languages) {
        Pass pass = segmented(image, pageIndex, languages, true);
        double height = pass.page() == null ? pass.wordHeight() : medianWordHeight(pass.page());
        if (height <= 0 || wellSized(height)) {
            return pass;
        }
        double factor = Math.max(0.25, Math.min(4.0, GOOD_WORD_HEIGHT / height));
        // An enlarged copy stays within the page budget (at most maxPixels, and a side Tesseract reads), whatever the
        // factor asks.
        factor = Math.min(factor, Math.sqrt(maxPixels / ((double) image.getWidth() * image.getHeight())));
        factor =
                Math.min(factor, (double) DocumentLimits.MAX_PAGE_SIDE / Math.max(image.getWidth(), image.getHeight()));
        if (factor > 0.9 && factor < 1.1) {
            return pass.page() != null ? pass : segmented(image, pageIndex, languages, false);
        }
        Pass rescaled = segmented(ImageTransforms.scale(image, factor), pageIndex, languages, false);
        return new Pass(rescaled.page().scaled(1 / factor, image.getWidth(), image.getHeight()), rescaled.upright(), 0);
    }

    private static boolean wellSized(double wordHeight) {
        return wordHeight >= SMALLEST_WORDS && wordHeight <= LARGEST_WORDS;
    }

    static boolean readsWell(Page page) {
        long words =
                page.blocks().stream().mapToLong(block -> block.words().size()).sum();
        return words >= 5 && confidence(page) >= 0.75;
    }

    static double confidence(Page page) {
        double characters =
                page.blocks().stream().mapToInt(block -> block.text().length()).sum();
        return characters == 0 ? 0 : confidentCharacters(page) / characters;
    }

    private static double confidentCharacters(Page page) {
        return page.blocks().stream()
                .mapToDouble(block -> block.confidence() * block.text().length())
                .sum();
    }

    private static double medianWordHeight(Page page) {
        double[] heights = page.blocks().stream()
                .flatMap(block -> block.words().stream())
                .mapToDouble(word -> word.bbox()[3] - word.bbox()[1])
                .sorted()
                .toArray();
        return heights.length == 0 ? 0 : heights[heights.length / 2];
    }

    /**
     * With Debian's Korean model, Tesseract's automatic page segmentation drops whole lines of Hangul (the
     * tesseract command line does the same); read as one column of text they are all there. So a Korean page
     * is read both ways and the reading with more confident characters kept.
     */
    private Pass segmented(BufferedImage image, int pageIndex, String languages, boolean checkSize) {
        Pass automatic = recognizeAsIs(image, pageIndex, languages, ITessAPI.TessPageSegMode.PSM_AUTO, checkSize);
        if (automatic.page() == null || !Arrays.asList(languages.split("\\+")).contains("kor")) {
            return automatic;
        }
        Pass column = recognizeAsIs(image, pageIndex, languages, ITessAPI.TessPageSegMode.PSM_SINGLE_COLUMN, false);
        return confidentCharacters(column.page()) > confidentCharacters(automatic.page()) ? column : automatic;
    }

    private Pass recognizeAsIs(
            BufferedImage image, int pageIndex, String languages, int segmentation, boolean checkSize) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] grey = Stages.time(Stages.PIXELS, pageIndex, () -> GreyPixels.of(image));
        PageReadings.Read read = readings.read(
                grey, width, height, pageIndex, languages, segmentation, checkSize ? TesseractEngine::wellSized : null);
        if (read.blocks() == null) {
            return new Pass(null, true, read.wordHeight());
        }
        List<Block> blocks = Stages.time(Stages.LAYOUT, pageIndex, () -> Paragraphs.joinContinuations(read.blocks()));
        return new Pass(
                new Page(
                        pageIndex,
                        width,
                        height,
                        PageText.of(blocks),
                        blocks,
                        Stages.time(Stages.TABLES, pageIndex, () -> RuledTables.find(grey, width, height, blocks)),
                        null,
                        List.of(),
                        null),
                TesseractResults.upright(blocks),
                0);
    }
}
