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
 * told by the page drawn without its text, small ({@link #GROUND_DPI}): a word is seen where the ground under it
 * is dark.
 */
final class LightText {
    /** The resolution the ground is drawn at: a title bar under 10-point words is a few pixels high. */
    static final float GROUND_DPI = 24;

    /** The most pixels the ground is drawn in, whatever the page's size (a page 100,000 points square): less dpi. */
    static final double MOST_GROUND_PIXELS = 4_000_000;

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

    /** Whether the glyph is light; a word's glyphs all are or none (it is cut where they turn). */
    boolean isLight(TextPosition glyph) {
        return glyphs.contains(glyph);
    }

    void word(Word word) {
        words.add(word);
    }

    /**
     * Takes the light words that stand on a light ground out of the lines (of a page {@code width} x {@code height}
     * pixels), the ground drawn only if there are any; with no drawing ({@code null}: over its budget) every light word
     * goes. Returns the characters taken.
     */
    int takeUnseen(List<List<Word>> lines, Supplier<BufferedImage> ground, int width, int height) {
        if (words.isEmpty()) {
            return 0;
        }
        BufferedImage image = ground.get();
        Ground drawn = image == null
                ? null
                : new Ground(image, (double) image.getWidth() / width, (double) image.getHeight() / height);
        int taken = 0;
        for (int index = 0; index < lines.size(); index++) {
            List<Word> kept = new ArrayList<>(lines.get(index).size());
            for (Word word : lines.get(index)) {
                if (words.contains(word) && (drawn == null || !drawn.darkUnder(word.bbox()))) {
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

    /**
     * The page drawn without its text, summed once (each pixel the sum of those above and left of it), so that the mean
     * grey under any word takes four reads: a page may hold 50,000 words, each as large as the page.
     */
    private static final class Ground {
        private final int width;
        private final int height;
        private final int[] sums;
        private final double scaleX;
        private final double scaleY;

        Ground(BufferedImage drawn, double scaleX, double scaleY) {
            this.width = drawn.getWidth();
            this.height = drawn.getHeight();
            this.scaleX = scaleX;
            this.scaleY = scaleY;
            this.sums = new int[(width + 1) * (height + 1)]; // 255 x 4 million pixels fits an int
            Raster grey = drawn.getRaster();
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                grey.getSamples(0, y, width, 1, 0, row);
                int across = 0;
                for (int x = 0; x < width; x++) {
                    across += row[x];
                    sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + across;
                }
            }
        }

        /** Whether the mean grey under a box of layer pixels (at least one drawn pixel) is dark. */
        boolean darkUnder(int[] box) {
            int x0 = clamp((int) Math.floor(box[0] * scaleX), width - 1);
            int y0 = clamp((int) Math.floor(box[1] * scaleY), height - 1);
            int x1 = Math.max(x0 + 1, clamp((int) Math.ceil(box[2] * scaleX), width));
            int y1 = Math.max(y0 + 1, clamp((int) Math.ceil(box[3] * scaleY), height));
            long sum = (long) sums[y1 * (width + 1) + x1]
                    - sums[y0 * (width + 1) + x1]
                    - sums[y1 * (width + 1) + x0]
                    + sums[y0 * (width + 1) + x0];
            return sum <= (long) LIGHTEST_DARK_GROUND * (x1 - x0) * (y1 - y0);
        }
    }

    private static int clamp(int value, int most) {
        return Math.max(0, Math.min(value, most));
    }
}
