package com.ocrchat.ocr;

import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;

/**
 * One PDF page's budget for walking its content, for drawing it or for reading its text layer: the operators
 * processed (forms drawing forms count each time they are drawn), the time spent, and the pixels an image is
 * decoded to; and a stop once the thread is interrupted (the page was given up). Checked between operators,
 * where PDFBox would carry on regardless; once over, it stays over, since PDFBox logs and swallows what a form's
 * "Do" throws and carries on with the next operator.
 */
final class OperatorBudget {
    /** Thrown from inside PDFBox; {@link #exceeded} says why, whatever PDFBox did with the exception. */
    static final class Exceeded extends IOException {
        Exceeded(String message) {
            super(message);
        }
    }

    /**
     * What drawing an XObject ("Do") counts for, besides its share of the page ({@link #WHOLE_PAGE_DRAW_WEIGHT}) and a
     * form's own operators: matplotlib draws every marker of a scatter plot as a small form, 20,000 of them in 1.8 s.
     */
    private static final int DRAW_OBJECT_WEIGHT = 25;

    /**
     * What drawing an XObject over the whole page adds: a form is clipped to its box and drawn as a group, an image
     * scaled over its box. Measured on the hostile corpus: 2 million operators of nested page-sized forms took over
     * 60 s, 3 million flat path operators 0.8 s; at this weight the form fan-out stops in 1.5 s.
     */
    private static final int WHOLE_PAGE_DRAW_WEIGHT = 1000;

    /** Calculator-function tokens an image's colours may take to compute. */
    static final long MOST_COLOUR_WORK = 300_000_000L;

    /**
     * Graphics states saved and not restored: PDFBox copies the whole state for each, about 500 bytes, and keeps them
     * (2 million "q" in a 4 KB file held 1 GB). PDF advises 28 at most; producers that never restore stay far under.
     */
    static final int MOST_SAVED_STATES = 65_536;

    /** The data of one inline image. */
    static final int MOST_INLINE_BYTES = 256 * 1024;

    /** A font as PDFBox loads it to show text: the codes it maps, and why it is over budget ({@link FontBudget}). */
    interface Fonts {
        FontBudget.Verdict of(COSDictionary font) throws IOException;
    }

    private final long maxOperators;
    private final long maxMillis;
    private final Fonts fonts;
    private final long started = System.currentTimeMillis();
    private final Set<COSDictionary> selected = Collections.newSetFromMap(new IdentityHashMap<>());
    private long operators;
    private long codes;
    private volatile String exceeded;

    OperatorBudget(long maxOperators, long maxMillis) {
        this(maxOperators, maxMillis, font -> FontBudget.Verdict.NOTHING);
    }

    OperatorBudget(long maxOperators, long maxMillis, Fonts fonts) {
        this.maxOperators = maxOperators;
        this.maxMillis = maxMillis;
        this.fonts = fonts;
    }

    /**
     * Counts the codes of a font the page selects ("Tf"), once a font: PDFBox holds every font a page shows text in
     * until the page is done, and the fonts earlier pages loaded were not counted for this one.
     */
    void selectFont(PDResources resources, List<COSBase> operands) throws IOException {
        if (resources == null || operands.isEmpty() || !(operands.get(0) instanceof COSName name)) {
            return;
        }
        COSDictionary all = resources.getCOSObject().getCOSDictionary(COSName.FONT);
        if (all != null && all.getDictionaryObject(name) instanceof COSDictionary font && selected.add(font)) {
            FontBudget.Verdict checked = fonts.of(font);
            if (checked.overBudget() != null) {
                throw stop(checked.overBudget()); // a font no walk of the page's resources reached
            }
            codes += checked.codes();
            if (codes > PageResourceBudget.MOST_MAPPINGS_A_PAGE) {
                throw stop("the fonts it shows text in map more than " + PageResourceBudget.MOST_MAPPINGS_A_PAGE
                        + " codes together");
            }
        }
    }

    /** A budget for more work on the same page: what this one has left, and at most {@code mostMillis}. */
    OperatorBudget remainder(long mostMillis) {
        long elapsed = System.currentTimeMillis() - started;
        return new OperatorBudget(maxOperators - operators, Math.min(mostMillis, maxMillis - elapsed), fonts);
    }

    /** Why the page was stopped, or null while it is within its budget. */
    String exceeded() {
        return exceeded;
    }

    /** Counts one operator about to be processed by the engine; throws once the page is over its budget. */
    void check(PDFStreamEngine engine, Operator operator, List<COSBase> operands) throws Exceeded {
        if (exceeded != null) {
            throw new Exceeded(exceeded);
        }
        if ("q".equals(operator.getName()) && engine.getGraphicsStackSize() >= MOST_SAVED_STATES) {
            throw stop("it saves its graphics state more than " + MOST_SAVED_STATES + " times without restoring it");
        }
        count(weight(operator.getName(), operands));
    }

    /**
     * Counts the share of the page that an XObject about to be drawn ("Do", after {@link #check}) covers: the bounds of
     * its box (a form's, through its matrix; an image's unit square) on the page, where PDFBox composites it and opens
     * a group's buffer (a form turned into a diagonal sliver has no area, and a buffer of the whole page).
     */
    void checkDraw(PDFStreamEngine engine, List<COSBase> operands) throws Exceeded {
        PDResources resources = engine.getResources();
        if (resources == null
                || engine.getCurrentPage() == null
                || operands.isEmpty()
                || !(operands.get(0) instanceof COSName name)) {
            return;
        }
        COSDictionary objects = resources.getCOSObject().getCOSDictionary(COSName.XOBJECT);
        if (objects == null || !(objects.getDictionaryObject(name) instanceof COSStream object)) {
            return;
        }
        AffineTransform toPage =
                engine.getGraphicsState().getCurrentTransformationMatrix().createAffineTransform();
        PDRectangle page = engine.getCurrentPage().getCropBox();
        Rectangle2D box = new Rectangle2D.Double(0, 0, 1, 1);
        if (COSName.FORM.equals(object.getCOSName(COSName.SUBTYPE))) {
            COSArray bounds = object.getCOSArray(COSName.BBOX);
            COSArray matrix = object.getCOSArray(COSName.MATRIX);
            PDRectangle formBox = bounds == null ? page : new PDRectangle(bounds);
            box = new Rectangle2D.Double(
                    formBox.getLowerLeftX(), formBox.getLowerLeftY(), formBox.getWidth(), formBox.getHeight());
            if (matrix != null) {
                toPage.concatenate(Matrix.createMatrix(matrix).createAffineTransform());
            }
        }
        Rectangle2D covered = toPage.createTransformedShape(box).getBounds2D();
        Rectangle2D.intersect(
                covered,
                new Rectangle2D.Double(page.getLowerLeftX(), page.getLowerLeftY(), page.getWidth(), page.getHeight()),
                covered);
        double share = Math.max(0, covered.getWidth())
                * Math.max(0, covered.getHeight())
                / ((double) page.getWidth() * page.getHeight());
        count(share < 1 ? Math.round(share * WHOLE_PAGE_DRAW_WEIGHT) : WHOLE_PAGE_DRAW_WEIGHT); // NaN too
    }

    /**
     * Counts an image about to be drawn, by its pixels: PDFBox decodes it again or scales all of it every time it draws
     * it (a 16-megapixel image drawn a point wide took it 5 ms a time), a weight for every thousand.
     */
    void checkImageDraw(long pixels) throws Exceeded {
        count(pixels / 1000);
    }

    /**
     * Counts a Type 3 glyph's procedure about to be run for one glyph shown: PDFBox parses it again for each, and a
     * procedure of numbers with no operator (64 KB of them took 1.6 ms) would pass uncounted. An operator a 16 bytes.
     */
    void checkGlyphProcedure(long bytes) throws Exceeded {
        if (exceeded != null) {
            throw new Exceeded(exceeded);
        }
        count(Math.max(1, bytes / 16));
    }

    private void count(long weight) throws Exceeded {
        operators += weight;
        if (operators > maxOperators) {
            throw stop("it draws more than " + maxOperators + " operators");
        }
        checkClock();
    }

    /** Throws once the page has taken its time, or was given up. */
    void checkClock() throws Exceeded {
        // One operator can take seconds (an object, a long string, a pattern fill), so the clock is read every time.
        if (System.currentTimeMillis() - started > maxMillis) {
            throw stop("reading it took more than " + maxMillis / 1000 + " s");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw stop("it was given up");
        }
    }

    /**
     * What an operator counts for: an XObject drawn, {@link #DRAW_OBJECT_WEIGHT} (and {@link #checkDraw}); text shown, one
     * per byte of its strings (each a glyph drawn: one "Tj" of 5 million bytes took PDFBox 5 s); anything else, one.
     */
    private static long weight(String operator, List<COSBase> operands) {
        switch (operator) {
            case "Do" -> {
                return DRAW_OBJECT_WEIGHT;
            }
            case "Tj", "TJ", "'", "\"" -> {
                long bytes = 0;
                for (COSBase operand : operands) {
                    if (operand instanceof COSString string) {
                        bytes += string.getBytes().length;
                    } else if (operand instanceof COSArray array) {
                        for (COSBase item : array) {
                            bytes += item instanceof COSString string ? string.getBytes().length : 1;
                        }
                    }
                }
                return Math.max(1, bytes);
            }
            default -> {
                return 1;
            }
        }
    }

    /**
     * Checks an inline image before PDFBox decodes it whole, which it does on reading it, before it is drawn: its data
     * at most {@link #MOST_INLINE_BYTES}, and a quarter of that when a filter (a deflated bomb) is to expand it. Inline
     * images are small by design (PDF advises under 4 KB); TeX's bitmap fonts draw every glyph as one.
     */
    void checkInlineImage(byte[] data, COSDictionary parameters) throws Exceeded {
        boolean filtered =
                parameters != null && (parameters.containsKey(COSName.F) || parameters.containsKey(COSName.FILTER));
        long most = filtered ? MOST_INLINE_BYTES / 4 : MOST_INLINE_BYTES;
        if (data != null && data.length > most) {
            throw stop("an inline image in it holds " + data.length + " bytes, more than " + most);
        }
    }

    /**
     * Checks the work of an image's colour conversion ({@link InkCosts}): 300 million calculator tokens' time are about
     * 10 s of PDFBox (600 million took it 20 s), which cannot be stopped in one image. A full-page duotone photo at
     * 300 dpi (two 8-bit inks, 65,536 colours at most) with a 60-token transform is 181 million.
     */
    void checkColourWork(long work) throws Exceeded {
        if (work > MOST_COLOUR_WORK) {
            throw stop("its colours would take "
                    + (work == Long.MAX_VALUE ? "billions of" : String.valueOf(work)) + " function steps, more than "
                    + MOST_COLOUR_WORK);
        }
    }

    /** Counts an image about to be decoded to this many pixels; throws when that is more than it may be. */
    void checkImage(long decodedPixels, long mostPixels) throws Exceeded {
        if (decodedPixels > mostPixels) {
            throw stop("an image in it would be decoded to " + megapixels(decodedPixels) + " megapixels, more than "
                    + megapixels(mostPixels));
        }
    }

    private static String megapixels(long pixels) {
        return String.valueOf((pixels + 999_999) / 1_000_000);
    }

    /** Stops the page for this reason, found before its content is walked. */
    Exceeded stop(String why) {
        exceeded = why;
        return new Exceeded(why);
    }
}
