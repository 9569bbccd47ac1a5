package com.ocrchat.ocr;

import com.ocrchat.page.Word;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.text.TextPosition;

/**
 * A text layer's words filled in white or near-white. On the white page they are hidden from the reader, whatever
 * they say; on a dark ground (a slide's title bar, a banner, a photo) they are what the page shows. Which one is
 * told by the page drawn without its text, small ({@link #BACKDROP_DPI}): a word is seen where the ground under it
 * is dark.
 */
final class LightText {
    /** The resolution the ground is drawn at: a title bar under 10-point words is a few pixels high. */
    static final float BACKDROP_DPI = 24;

    /** Fill this light (0..255) is white on a white page. */
    private static final int NEAR_WHITE = 235;

    /** A ground at most this light (the mean under a word) shows near-white text. */
    private static final int LIGHTEST_DARK_GROUND = 200;

    private final Set<TextPosition> glyphs = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Word> words = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Whether a glyph filled in this colour is near-white; a colour that cannot be converted is taken as ink. */
    static boolean isNearWhite(PDColor fill) {
        try {
            int rgb = fill.toRGB();
            int luminance = (299 * (rgb >> 16 & 0xFF) + 587 * (rgb >> 8 & 0xFF) + 114 * (rgb & 0xFF)) / 1000;
            return luminance > NEAR_WHITE;
        } catch (IOException | RuntimeException unknownColour) {
            return false;
        }
    }

    void glyph(TextPosition glyph) {
        glyphs.add(glyph);
    }

    /** Whether a word of these glyphs is light: all of them are. */
    boolean isLight(List<TextPosition> word) {
        return !glyphs.isEmpty() && word.stream().allMatch(glyphs::contains);
    }

    void word(Word word) {
        words.add(word);
    }

    /**
     * Takes the light words that stand on a light ground out of the lines, the ground drawn only if there are any;
     * with no drawing ({@code null}: over its budget) every light word goes. Returns the characters taken.
     */
    int takeUnseen(List<List<Word>> lines, Supplier<BufferedImage> ground, float layerDpi) {
        if (words.isEmpty()) {
            return 0;
        }
        BufferedImage drawn = ground.get();
        double scale = BACKDROP_DPI / layerDpi;
        int taken = 0;
        for (int index = 0; index < lines.size(); index++) {
            List<Word> kept = new ArrayList<>(lines.get(index).size());
            for (Word word : lines.get(index)) {
                if (words.contains(word) && (drawn == null || !darkUnder(drawn, word.bbox(), scale))) {
                    taken += word.text().codePointCount(0, word.text().length());
                } else {
                    kept.add(word);
                }
            }
            lines.set(index, kept);
        }
        lines.removeIf(List::isEmpty);
        return taken;
    }

    /** The mean grey of the drawing under a box of layer pixels, at least one pixel of it. */
    private static boolean darkUnder(BufferedImage drawn, int[] box, double scale) {
        int x0 = clamp((int) Math.floor(box[0] * scale), drawn.getWidth() - 1);
        int y0 = clamp((int) Math.floor(box[1] * scale), drawn.getHeight() - 1);
        int x1 = Math.max(x0 + 1, clamp((int) Math.ceil(box[2] * scale), drawn.getWidth()));
        int y1 = Math.max(y0 + 1, clamp((int) Math.ceil(box[3] * scale), drawn.getHeight()));
        Raster grey = drawn.getRaster();
        long sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += grey.getSample(x, y, 0);
            }
        }
        return sum <= (long) LIGHTEST_DARK_GROUND * (x1 - x0) * (y1 - y0);
    }

    private static int clamp(int value, int most) {
        return Math.max(0, Math.min(value, most));
    }
}
