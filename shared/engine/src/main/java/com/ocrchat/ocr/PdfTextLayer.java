package com.ocrchat.ocr;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.page.Page;
import com.ocrchat.page.TypeSize;
import com.ocrchat.page.WellFormedText;
import com.ocrchat.page.Word;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF page's own text layer read with PDFBox: words with their boxes, mapped into the page's raster
 * pixel space (the dpi the page would be rendered at), grouped into lines and paragraph blocks, with
 * confidence 1.0. A layer that is missing, mostly invisible (OCR text over a scan) or garbage (glyphs
 * without Unicode, control or private-use characters) is refused, so the page is recognized instead.
 */
final class PdfTextLayer extends PDFTextStripper {
    private static final Pattern WHITE_SPACE = Pattern.compile("(?U)\\s+"); // compiled once, not for every line

    private static final int MIN_CHARACTERS = 12;
    private static final double MAX_BAD_SHARE = 0.1;

    /**
     * Characters a page's layer may hold, a glyph at least one and each marked-content replacement (/ActualText)
     * counted in full, as PDFBox decodes it: a dense page has 10,000. Past it the page is recognized instead. One glyph
     * may stand for 127 characters (a ToUnicode range) or a megabyte (ActualText): 1,000 such filled a 2 GB heap.
     */
    static final int MOST_CHARACTERS = 500_000;

    /**
     * Words a page may hold: a dense newspaper page has 15,000. A 7 KB file drew 500,000 single letters on each of its
     * pages, and its result was larger than any response or heap here could hold. Past it the page is refused.
     */
    static final int MOST_WORDS = 50_000;

    private final float scale;
    private final List<List<Word>> lines = new ArrayList<>();
    private List<Word> line = new ArrayList<>();
    private int visible;
    private int invisible;
    private int bad;
    private int words;
    private long characters;
    private final OverlappingGlyphs drawn = new OverlappingGlyphs();
    private final OverlappingGlyphs drawnLight = new OverlappingGlyphs(); // white glyphs hide no dark one
    private final LightText light = new LightText();

    private final OperatorBudget budget;

    private PdfTextLayer(float dpi, OperatorBudget budget) {
        this.scale = dpi / 72f;
        this.budget = budget;
        // The text stripper ignores fill colours by default; they tell which text is white.
        addOperator(new SetNonStrokingColorSpace(this));
        addOperator(new SetNonStrokingColor(this));
        addOperator(new SetNonStrokingColorN(this));
        addOperator(new SetNonStrokingDeviceGrayColor(this));
        addOperator(new SetNonStrokingDeviceRGBColor(this));
        addOperator(new SetNonStrokingDeviceCMYKColor(this));
        setSortByPosition(true);
        // A gap of 0.3 of a space ends a word, not PDFBox's half: tightly justified lines ran words together.
        setSpacingTolerance(0.3f);
        setSuppressDuplicateOverlappingText(false); // done by OverlappingGlyphs, in constant time a glyph
    }

    /**
     * The page from its text layer, or empty when the layer is not to be trusted (or the budget ran out); {@code ground}
     * draws the page without its text at {@link LightText#GROUND_DPI}, if it has white text, or gives null.
     */
    static Optional<Page> read(
            PDDocument pdf,
            int index,
            float dpi,
            int width,
            int height,
            OperatorBudget budget,
            Supplier<BufferedImage> ground) {
        try {
            PdfTextLayer layer = new PdfTextLayer(dpi, budget);
            layer.setStartPage(index + 1);
            layer.setEndPage(index + 1);
            layer.getText(pdf);
            if (layer.characters > MOST_CHARACTERS) {
                return Optional
                        .empty(); // stopped inside a form, whose failure PDFBox swallows: what was read is partial
            }
            layer.endLine();
            if (layer.words > MOST_WORDS) {
                throw new LimitExceeded(
                        "Page " + (index + 1) + " of the PDF holds more than " + MOST_WORDS
                                + " words, more than this server reads on a page",
                        Map.of("page", index + 1, "max_words_per_page", MOST_WORDS));
            }
            int unseen = layer.light.takeUnseen(layer.lines, ground, width, height);
            layer.visible -= unseen;
            layer.invisible += unseen;
            return layer.trusted()
                    ? Optional.of(LayerBlocks.page(layer.lines, index, width, height))
                    : Optional.empty();
        } catch (LimitExceeded refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        budget.check(this, operator, operands);
        if (characters > MOST_CHARACTERS) { // not the page's budget: the page is drawn and recognized instead
            throw new IOException("its text layer holds more than " + MOST_CHARACTERS + " characters");
        }
        if ("Tf".equals(operator.getName())) {
            budget.selectFont(getResources(), operands);
        }
        super.processOperator(operator, operands);
    }

    private boolean trusted() {
        int characters = visible + invisible;
        return visible >= MIN_CHARACTERS && invisible < visible && bad <= MAX_BAD_SHARE * characters;
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        RenderingMode mode = getGraphicsState().getTextState().getRenderingMode();
        int count = text.getUnicode() == null
                ? 1
                : text.getUnicode().codePointCount(0, text.getUnicode().length());
        if (mode == RenderingMode.NEITHER || mode == RenderingMode.NEITHER_CLIP || unseen(text)) {
            invisible += count;
            return; // OCR text laid over a scan, or text hidden from the reader: not what the page shows.
        }
        boolean isLight =
                !mode.isStroke() && LightText.isNearWhite(getGraphicsState().getNonStrokingColor());
        if (isLight) {
            light.glyph(text); // seen on a dark ground only
        }
        visible += count;
        if (text.getUnicode() == null || text.getUnicode().codePoints().anyMatch(PdfTextLayer::isBad)) {
            bad += count;
        }
        if (characters > MOST_CHARACTERS || (isLight ? drawnLight : drawn).drawnBefore(text)) {
            return; // kept no more (the next operator ends the layer), or drawn twice to look bold
        }
        super.processTextPosition(text);
        characters +=
                text.getUnicode() == null ? 1 : Math.max(1, text.getUnicode().length());
    }

    /** A marked-content replacement is decoded anew at each BDC, and its text kept on the first glyph after it. */
    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
        if (properties != null && properties.getDictionaryObject(COSName.ACTUAL_TEXT) instanceof COSString replaced) {
            characters += replaced.getBytes().length;
        }
        super.beginMarkedContentSequence(tag, properties);
    }

    private static boolean outside(TextPosition text, float across, float down) {
        float x = text.getXDirAdj();
        float y = text.getYDirAdj();
        return x + text.getWidthDirAdj() < 0 || x > across || y < 0 || y - text.getHeightDir() > down;
    }

    /** Text a reader cannot see: under 1 pt, or outside the crop box. */
    private static boolean unseen(TextPosition text) {
        if (text.getFontSizeInPt() < 1 || text.getHeightDir() < 1) {
            return true;
        }
        // Positions adjusted for a glyph's direction run along its page's height for sideways text (a table's turned
        // column heads, a table set sideways).
        boolean sideways = text.getDir() == 90 || text.getDir() == 270;
        return outside(
                text,
                sideways ? text.getPageHeight() : text.getPageWidth(),
                sideways ? text.getPageWidth() : text.getPageHeight());
    }

    private static boolean isBad(int codePoint) {
        int type = Character.getType(codePoint);
        return codePoint == 0xFFFD
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || type == Character.CONTROL && !Character.isWhitespace(codePoint);
    }

    /**
     * A word as PDFBox found it, cut at its blank glyphs. Its text is PDFBox's where the pieces match: ligatures
     * written out ("ﬁ" as "fi") and right-to-left letters in reading order, where the glyphs stand in drawing order.
     */
    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        // A white copy of a dark glyph (an embossed or shadowed heading, before or after it) is no letter of its own.
        List<List<TextPosition>> words = LayerWords.cut(
                positions.stream()
                        .filter(glyph -> !light.isLight(glyph) || !drawn.near(glyph))
                        .toList(),
                light::isLight);
        String[] texts = WHITE_SPACE.split(text.strip());
        int pairing = LayerWords.pairing(texts, words); // 1 in order, -1 reversed (a right-to-left line), 0 none
        for (int index = 0; index < words.size(); index++) {
            addWord(words.get(index), pairing == 0 ? null : texts[pairing > 0 ? index : words.size() - 1 - index]);
        }
    }

    @Override
    protected void writeWordSeparator() {
        // Words are cut at the spaces of writeString and between its calls.
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    private void endLine() {
        if (!line.isEmpty()) {
            lines.add(LayerWords.wordsInReadingOrder(line));
            line = new ArrayList<>();
        }
    }

    /**
     * A word boxed as OCR boxes it, from its baseline and its type size: up to its capitals or ascenders, down to its
     * descenders ({@link TypeSize}). PDFBox gives every glyph of a font the same height, a share of the font's bounding
     * box that differs from font to font, so headings and body text were told apart by their fonts, not their sizes.
     */
    private void addWord(List<TextPosition> positions, String written) {
        if (++words > MOST_WORDS) {
            return; // the page is refused once read
        }
        StringBuilder text = new StringBuilder();
        float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = 0, y1 = 0, em = 0;
        for (TextPosition position : positions) {
            if (written == null) {
                text.append(position.getUnicode());
            }
            x0 = Math.min(x0, position.getXDirAdj());
            x1 = Math.max(x1, position.getXDirAdj() + position.getWidthDirAdj());
            y0 = Math.min(y0, position.getYDirAdj() - position.getHeightDir());
            y1 = Math.max(y1, position.getYDirAdj());
            em = Math.max(em, position.getYScale()); // the type size, in user space, whatever the glyphs' heights
        }
        String wordText = WellFormedText.of(written != null ? written : text.toString()); // its ToUnicode maps freely
        if (em > 0 && Float.isFinite(em)) {
            float baseline = y1;
            y0 = (float) (baseline - TypeSize.ascent(wordText) * em);
            y1 = (float) (baseline + TypeSize.descent(wordText) * em);
        }
        Word word = new Word(
                wordText,
                new int[] {
                    Math.round(x0 * scale),
                    Math.round(y0 * scale),
                    Math.max(Math.round(x1 * scale), Math.round(x0 * scale) + 1),
                    Math.max(Math.round(y1 * scale), Math.round(y0 * scale) + 1)
                },
                1.0);
        if (light.isLight(positions.get(0))) {
            light.word(word);
        }
        line.add(word);
    }
}
