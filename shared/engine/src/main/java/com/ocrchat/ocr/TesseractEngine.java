package com.ocrchat.ocr;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.language.Languages;
import com.ocrchat.observe.Stages;
import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.PageText;
import com.ocrchat.page.Word;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
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

    /**
     * The word height small text is enlarged to (text over {@link #LARGEST_WORDS} is reduced to a quarter). Enlarging
     * further costs time and reads no better: Leptonica's 150-dpi book page (words 15 px) reads the same at 2x as at
     * 3.2x, and a 1930s typed table (12 px) reads its rows at 2x but splits them at 3.2x (the old target of 48 px),
     * taking twice as long.
     */
    private static final int GOOD_WORD_HEIGHT = 32;

    /** An enlarged copy is at most this large (an A4 page at 350 dpi), and enlarged at least this much, else none. */
    private static final double MAX_ENLARGED_PIXELS = 12_000_000;

    private static final double LEAST_ENLARGEMENT = 1.25;

    private final TesseractHandles handles;
    private final PageOrientation orientation;
    private final AutoLanguage auto;
    private final long maxPixels;
    private final PageReadings readings;

    /** With the default budgets (100 megapixels for a page, a minute for one pass), on one thread. */
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
     * Upright pages (nearly all) are recognized once. Only a page that may be turned (its lines run down it, or it
     * reads as poorly as text upside down does: few words, few of them read surely) is shown to orientation detection,
     * and recognized again if it was turned; a turn in doubt ({@link PageOrientation.Detection#inDoubt}) is kept only
     * if the turned page reads better. All of a page's readings together have a budget ({@link
     * HandleReadings#PASSES_PER_PAGE} passes' worth): a reading that would better one in hand and runs out of it gives
     * way to the one in hand.
     */
    @Override
    public Recognition read(BufferedImage image, int pageIndex, String languages) {
        // Read in grey, made once: not again at each reading, and enlarged or turned in a third of the bytes.
        BufferedImage grey = Stages.time(Stages.PIXELS, pageIndex, () -> GreyPixels.image(image));
        PageOrientation.Turned read = readings.withinPageBudget(() -> Languages.AUTO.equals(languages)
                ? auto.read(grey, pageIndex)
                : readInGivenLanguages(grey, pageIndex, languages));
        return new Recognition(read.page(), read.upright(image));
    }

    private PageOrientation.Turned readInGivenLanguages(BufferedImage image, int pageIndex, String languages) {
        Pass first = pass(image, pageIndex, languages);
        PageOrientation.Turned asRead = new PageOrientation.Turned(first.page(), 0);
        if (first.upright() && (readsWell(first.page()) || !mayBeUpsideDown(first.page()))) {
            return asRead;
        }
        PageOrientation.Detection detection =
                Stages.time(Stages.ORIENTATION, pageIndex, () -> orientation.detect(image));
        if (detection.degrees() == 0) {
            return asRead;
        }
        BufferedImage upright = detection.upright(image);
        return unlessOutOfTime(
                () -> {
                    Page turned = recognize(upright, pageIndex, languages);
                    return !detection.inDoubt(first.upright()) || readsBetter(turned, first.page())
                            ? new PageOrientation.Turned(turned, detection.degrees())
                            : asRead;
                },
                asRead);
    }

    /**
     * A further reading of a page, to better the one in hand: the one in hand when the page runs out of time (or of
     * another budget) for it. Without one in hand ({@code null}) the page has nothing to show, and fails.
     */
    static <T> T unlessOutOfTime(Supplier<T> further, T inHand) {
        try {
            return further.get();
        } catch (LimitExceeded outOfTime) {
            if (inHand == null) {
                throw outOfTime;
            }
            return inHand;
        }
    }

    /** Whether one reading of a page has more confidently read characters than another. */
    static boolean readsBetter(Page one, Page other) {
        return confidentCharacters(one) > confidentCharacters(other);
    }

    /**
     * Recognizes the page; when its words come out far too small or too large for Tesseract (a scan with a
     * wrong or missing DPI), the page is rescaled and recognized again, boxes mapped back to this image.
     */
    @Override
    public Page recognize(BufferedImage image, int pageIndex, String languages) {
        return pass(image, pageIndex, languages).page();
    }

    /**
     * A page as recognized (null when not read at this size) and whether its text stood upright; and its words'
     * height as its layout shows them (0 when it shows too few lines to tell).
     */
    record Pass(Page page, boolean upright, double wordHeight) {}

    /**
     * Text far too small or too large is seen before it is read, from the layout's lines, or else (too few lines to
     * tell) from the words read: either way the page is rescaled and read (again). Where the layout shows the size,
     * the words read do not overrule it: on a picture, specks read as tiny words.
     */
    Pass pass(BufferedImage image, int pageIndex, String languages) {
        Pass pass = segmented(image, pageIndex, languages, true);
        double height = pass.wordHeight() > 0 ? pass.wordHeight() : medianWordHeight(pass.page());
        double factor = height > 0 ? rescaling(height, image) : 1;
        if (factor == 1) {
            return pass.page() != null ? pass : segmented(image, pageIndex, languages, false);
        }
        Supplier<Pass> rescaled = () -> {
            Pass read = segmented(ImageTransforms.scale(image, factor), pageIndex, languages, false);
            return new Pass(read.page().scaled(1 / factor, image.getWidth(), image.getHeight()), read.upright(), 0);
        };
        return pass.page() == null ? rescaled.get() : unlessOutOfTime(rescaled, pass);
    }

    /**
     * The factor a page whose words are this high is read at: 1 (as it is) when they are well sized, or when no copy
     * enlarged at least {@link #LEAST_ENLARGEMENT} fits the budgets (at most {@link #MAX_ENLARGED_PIXELS} and
     * maxPixels, and a side Tesseract reads). Small type on a page already that large is rare and costly to enlarge,
     * and specks on a page of music or a drawing also measure as tiny words: such a page is read as it is.
     */
    private double rescaling(double wordHeight, BufferedImage image) {
        if (wellSized(wordHeight)) {
            return 1;
        }
        double wanted = Math.max(0.25, Math.min(4.0, GOOD_WORD_HEIGHT / wordHeight));
        if (wanted < 1) {
            return wanted; // text over 200 px: a quarter at most, never under a budget
        }
        double pixels = (double) image.getWidth() * image.getHeight();
        double factor = Math.min(wanted, Math.sqrt(Math.min(MAX_ENLARGED_PIXELS, maxPixels) / pixels));
        factor =
                Math.min(factor, (double) DocumentLimits.MAX_PAGE_SIDE / Math.max(image.getWidth(), image.getHeight()));
        return factor >= LEAST_ENLARGEMENT ? factor : 1;
    }

    private static boolean wellSized(double wordHeight) {
        return wordHeight >= SMALLEST_WORDS && wordHeight <= LARGEST_WORDS;
    }

    /** A reading with at least this share of confident characters reads well (no other reading is tried). */
    static final double READS_WELL = 0.75;

    /**
     * Text read upside down has hardly a word read surely: on 21 real pages (Leptonica's) and 5 drawn ones turned half
     * round, at most 8.4% of the characters read were in words read at 0.9 confidence or more, while upright pages that
     * read poorly overall (typed tables, lottery tickets, book pages in other languages than the one asked for) had
     * 0.9-41%. A page whose lines run across it, with five words or more and this share of its characters in surely
     * read words or more, is upright, and not shown to OSD (0.1-0.6 s a page, which found no turn on any of them).
     */
    private static final double UPRIGHT_SURE_SHARE = 0.15;

    private static final double SURE_WORD = 0.9;

    static boolean mayBeUpsideDown(Page page) {
        long characters = 0;
        long sure = 0;
        for (Block block : page.blocks()) {
            for (Word word : block.words()) {
                characters += word.text().length();
                sure += word.confidence() >= SURE_WORD ? word.text().length() : 0;
            }
        }
        return words(page) < 5 || sure < UPRIGHT_SURE_SHARE * characters;
    }

    static boolean readsWell(Page page) {
        return words(page) >= 5 && confidence(page) >= READS_WELL;
    }

    private static long words(Page page) {
        return page.blocks().stream().mapToLong(block -> block.words().size()).sum();
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
        return readsBetter(column.page(), automatic.page()) ? column : automatic;
    }

    private Pass recognizeAsIs(
            BufferedImage image, int pageIndex, String languages, int segmentation, boolean checkSize) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] grey = Stages.time(Stages.PIXELS, pageIndex, () -> GreyPixels.of(image));
        PageReadings.Read read = readings.read(
                grey,
                width,
                height,
                pageIndex,
                languages,
                segmentation,
                checkSize ? wordHeight -> rescaling(wordHeight, image) == 1 : null);
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
                read.wordHeight());
    }
}
