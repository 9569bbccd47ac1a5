package com.ocrchat.ocr;

import java.io.IOException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.common.function.PDFunction;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceN;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.apache.pdfbox.pdmodel.graphics.color.PDSeparation;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

/**
 * What PDFBox spends converting an image in inks to RGB, in calculator tokens' time, before it draws it: none of it can
 * be stopped in the middle. A DeviceN or Separation image is converted through a map of its colours, one entry and
 * one run of the tint transform for each distinct colour (a 4-ink photo of 8.4 million colours took 40 s and kept
 * about 160 bytes a colour), and a key made for every pixel an ink at a time (18 inks of 1 bit over 26 megapixels:
 * 35 s); an alternate space in inks runs its own transform for every colour. An ICC profile PDFBox cannot load falls
 * back to its alternate space. A soft mask's transfer function is counted here too, in the same tokens' time.
 */
final class InkCosts {
    /** Making a pixel's key, for each of its inks. */
    static final long PIXEL_TOKENS_AN_INK = 10;

    /**
     * A pixel of a Separation over another space in inks, which PDFBox converts a pixel at a time through its map of
     * values, for each ink of that space (one over 16 inks, 30 megapixels: 37 s and 1 GB).
     */
    static final long SLOW_PIXEL_TOKENS_AN_INK = 2;

    /** Alternate spaces in inks within alternate spaces in inks, at most. */
    private static final int MOST_LEVELS = 4;

    /** A colour's map entry and conversion, besides its transform. */
    static final long COLOUR_TOKENS = 140;

    private InkCosts() {}

    /** A colour space of inks as PDFBox converts it: how many, their tint transform, and the space it leads to. */
    private record Inks(PDColorSpace space, int count, PDFunction transform, PDColorSpace alternate) {
        /** The space's inks, through an ICC profile to its alternate, which PDFBox falls back to; null if none. */
        static Inks of(PDColorSpace space) throws IOException {
            PDColorSpace inks = space instanceof PDICCBased profile ? profile.getAlternateColorSpace() : space;
            if (inks instanceof PDDeviceN deviceN) {
                return new Inks(
                        deviceN,
                        deviceN.getNumberOfComponents(),
                        deviceN.getTintTransform(),
                        deviceN.getAlternateColorSpace());
            }
            if (inks instanceof PDSeparation ink) {
                return new Inks(ink, 1, tintTransform(ink), ink.getAlternateColorSpace());
            }
            return null;
        }
    }

    /** The work for an image of this many pixels, of these bits a component, in this colour space; 0 if no inks. */
    static long work(PDColorSpace space, long pixels, int bits) throws IOException {
        Inks inks = Inks.of(space);
        if (inks == null) {
            return 0;
        }
        int bitsAComponent = Math.max(1, Math.min(8, bits)); // PDFBox reads 16-bit samples to bytes before converting
        double colours = Math.min(pixels, Math.pow(2, (double) bitsAComponent * inks.count()));
        long alternate = eachColour(inks.alternate(), 0);
        long eachPixel = PIXEL_TOKENS_AN_INK * inks.count();
        if (inks.space() instanceof PDSeparation && alternate > 0) {
            eachPixel += SLOW_PIXEL_TOKENS_AN_INK * components(inks.alternate());
        }
        double work = (double) pixels * eachPixel
                + colours * (COLOUR_TOKENS + PageResourceBudget.steps(inks.transform()) + alternate);
        if (inks.space() instanceof PDDeviceN deviceN && deviceN.isNChannel()) {
            // The whole image once more for each colorant, through that colorant's own Separation.
            work += (double) pixels * eachPixel;
            for (PDSeparation colorant : deviceN.getAttributes().getColorants().values()) {
                work += Math.min(pixels, Math.pow(2, bitsAComponent)) * eachColour(colorant, 0);
            }
        }
        return capped(work);
    }

    /**
     * Converting one colour in an alternate space of inks, which PDFBox does with no map: its transform each time, and
     * its own alternate's; past a few levels, more than any budget.
     */
    private static long eachColour(PDColorSpace alternate, int level) throws IOException {
        Inks inks = Inks.of(alternate);
        if (inks == null) {
            return 0;
        }
        if (level >= MOST_LEVELS) {
            return Long.MAX_VALUE / 4;
        }
        return capped(PIXEL_TOKENS_AN_INK * inks.count()
                + COLOUR_TOKENS
                + (double) PageResourceBudget.steps(inks.transform())
                + eachColour(inks.alternate(), level + 1));
    }

    /**
     * What a soft mask's transfer function (/TR) costs a fill under it: PDFBox runs it for every grey of every tile of
     * 32 by 32 pixels it paints, anew for each tile (a page-sized fill under a 1,000-token function took 31 s), so a
     * fill as large as the page runs it up to 256 times a tile.
     */
    static long softMaskWork(PDExtendedGraphicsState state, long pagePixels) throws IOException {
        COSDictionary mask = state == null ? null : state.getCOSObject().getCOSDictionary(COSName.SMASK);
        COSBase transfer = mask == null ? null : mask.getDictionaryObject(COSName.TR);
        if (!(transfer instanceof COSDictionary)) {
            return 0; // none, or /Identity
        }
        long steps = Math.max(1, PageResourceBudget.steps(PDFunction.create(transfer)));
        return capped((pagePixels / 1024.0 + 1) * 256 * steps);
    }

    private static int components(PDColorSpace space) {
        return space == null ? 1 : Math.max(1, space.getNumberOfComponents());
    }

    /** A Separation's tint transform, the fourth of its array (PDFBox keeps it to itself). */
    private static PDFunction tintTransform(PDSeparation ink) throws IOException {
        return ink.getCOSObject() instanceof COSArray array && array.size() > 3
                ? PDFunction.create(array.getObject(3))
                : null;
    }

    private static long capped(double work) {
        return work >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) work;
    }
}
