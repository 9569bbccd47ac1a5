package com.ocrchat.ocr;

import com.ocrchat.language.LanguageTable;
import com.ocrchat.observe.Stages;
import com.ocrchat.page.Page;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * language=auto, cheapest first. Most pages are in the Latin script, which the English model reads well:
 * the page is read with English, and only a page that reads poorly (another script, or a page on its
 * side) goes to OSD (as costly as reading the page), which tells the page's script and turn; the page is
 * then read with that script's model. When the language detector names another language, the page is
 * read again with that language's own model (German; Chinese on a page OSD called Japanese ...), going
 * through Tesseract's Latin script model when English letters hid the language. A page whose script
 * OSD cannot name and that reads unsure is tried with at most four installed script models, the most widely
 * written first (never on a page without ink, where no model has anything to read). The language table
 * says which model reads which script, and which model a detected language has.
 */
final class AutoLanguage {
    private static final String ENGLISH = "eng";
    /** Tesseract's Latin script model (Debian: tesseract-ocr-script-latn). */
    private static final String LATIN = "Latin";
    /** A reading this unsure (0..1) is likely the wrong script's model at work. */
    private static final double POOR_READING = 0.6;
    /** Script models tried on a page OSD could not place: each is a full reading of the page. */
    private static final int MAX_SCRIPT_TRIES = 4;
    /** The most widely written scripts' models, tried first; the other installed ones follow by name. */
    private static final List<String> WIDEST_SCRIPTS =
            List.of("chi_sim", "ara", "hin", "rus", "ben", "jpn", "kor", "tha", "ell", "heb");

    private final TesseractEngine tesseract;
    private final PageOrientation orientation;
    private final TesseractHandles handles;

    AutoLanguage(TesseractEngine tesseract, PageOrientation orientation, TesseractHandles handles) {
        this.tesseract = tesseract;
        this.orientation = orientation;
        this.handles = handles;
    }

    /**
     * The page read cheapest first. Each reading after the first is to better one in hand, and gives way to it when the
     * page runs out of time ({@link TesseractEngine#unlessOutOfTime}).
     */
    PageOrientation.Turned read(BufferedImage image, int pageIndex) {
        TesseractEngine.Pass english = handles.installed(ENGLISH) ? tesseract.pass(image, pageIndex, ENGLISH) : null;
        if (english != null && english.upright() && TesseractEngine.readsWell(english.page())) {
            return new PageOrientation.Turned(
                    TesseractEngine.unlessOutOfTime(
                            () -> inItsLanguage(english.page(), image, pageIndex, ENGLISH), english.page()),
                    0);
        }
        return TesseractEngine.unlessOutOfTime(
                () -> byScript(image, pageIndex, english),
                english == null ? null : new PageOrientation.Turned(english.page(), 0));
    }

    /** A page that read poorly in English (or without English): read in the script OSD names, or the likeliest. */
    private PageOrientation.Turned byScript(BufferedImage image, int pageIndex, TesseractEngine.Pass english) {
        PageOrientation.Detection detection = orientation.detect(image);
        int degrees = detection.degrees();
        BufferedImage upright = detection.upright(image);
        String model = Optional.ofNullable(detection.script())
                .flatMap(LanguageTable.get()::byScript)
                .map(LanguageTable.Entry::model)
                .filter(handles::installed)
                .orElse(ENGLISH);
        Page page = english != null && model.equals(ENGLISH) && upright == image
                ? english.page()
                : tesseract.recognize(upright, pageIndex, model);
        if (upright != image && detection.inDoubt(english != null && english.upright())) {
            // Kept only if it reads better than the page as it was, read with the same model (English letters made of
            // Han outnumber its characters).
            Page turned = page;
            Page asItWas = english != null && model.equals(ENGLISH)
                    ? english.page()
                    : TesseractEngine.unlessOutOfTime(() -> tesseract.recognize(image, pageIndex, model), turned);
            if (TesseractEngine.readsBetter(asItWas, page)) {
                upright = image;
                degrees = 0;
                page = asItWas;
            }
        }
        if (detection.script() == null && TesseractEngine.confidence(page) < POOR_READING) {
            page = mostConfident(page, upright, pageIndex);
        }
        Page inHand = page;
        BufferedImage read = upright;
        return new PageOrientation.Turned(
                TesseractEngine.unlessOutOfTime(() -> inItsLanguage(inHand, read, pageIndex, model), inHand), degrees);
    }

    /** The page read again with its language's own model, when the detector names an installed one other than {@code model}. */
    private Page inItsLanguage(Page page, BufferedImage upright, int pageIndex, String model) {
        Optional<String> language = language(page);
        if (model.equals(ENGLISH)
                && language.isPresent()
                && !language.get().equals(ENGLISH)
                && !handles.installed(language.get())
                && handles.installed(LATIN)) {
            // English letters may have hidden the language (Vietnamese without its diacritics reads as Tswana):
            // the Latin script model reads every Latin language's letters, and the detector asks again.
            page = tesseract.recognize(upright, pageIndex, LATIN);
            model = LATIN;
            language = language(page);
        }
        String used = model;
        language = language.filter(code -> !code.equals(used) && !(code.equals(ENGLISH) && used.equals(LATIN)))
                .filter(handles::installed);
        return language.isPresent() ? tesseract.recognize(upright, pageIndex, language.get()) : page;
    }

    /** The page's language as the model that reads it (the detector's code where no model is known by it). */
    private static Optional<String> language(Page page) {
        return Stages.time(Stages.DETECTOR, page.index(), () -> LanguageDetection.iso6393(page.text()))
                .map(code -> LanguageTable.get()
                        .byDetectorCode(code)
                        .map(LanguageTable.Entry::model)
                        .orElse(code));
    }

    /**
     * Whether anything is written on the page: a few dark points on a grid of about 40,000 over it, read from its grey
     * samples (the engine's page is grey already; getRGB would read them through Java's linear grey, which brightens
     * mid-tones: a stored 60 comes back about 133).
     */
    static boolean hasInk(BufferedImage image) {
        int step = Math.max(1, (int) Math.sqrt((double) image.getWidth() * image.getHeight() / 40_000));
        Raster grey = GreyPixels.image(image).getRaster();
        int dark = 0;
        int points = 0;
        for (int y = 0; y < image.getHeight(); y += step) {
            for (int x = 0; x < image.getWidth(); x += step) {
                points++;
                if (grey.getSample(x, y, 0) < 128) {
                    dark++;
                }
            }
        }
        return dark * 1000L > points; // more than 0.1% of the page
    }

    /**
     * OSD could not name the script (too little text) and the Latin reading is unsure: each installed model
     * of another script reads the page, and the most confident reading is kept (the tries stop when the page runs out
     * of time).
     */
    private Page mostConfident(Page latin, BufferedImage image, int pageIndex) {
        Page best = latin;
        if (!hasInk(image)) {
            return best;
        }
        int tries = 0;
        List<String> candidates = LanguageTable.get().scriptReaders().stream()
                .sorted(Comparator.comparingInt((String model) -> {
                    int rank = WIDEST_SCRIPTS.indexOf(model);
                    return rank < 0 ? WIDEST_SCRIPTS.size() : rank;
                }))
                .toList();
        for (String model : candidates) {
            if (model.equals(ENGLISH) || !handles.installed(model)) {
                continue;
            }
            if (++tries > MAX_SCRIPT_TRIES) {
                break;
            }
            Page candidate = TesseractEngine.unlessOutOfTime(() -> tesseract.recognize(image, pageIndex, model), null);
            if (candidate == null) {
                break;
            }
            if (TesseractEngine.confidence(candidate) > TesseractEngine.confidence(best)) {
                best = candidate;
            }
        }
        return best;
    }
}
