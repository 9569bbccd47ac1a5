package com.ocrchat.ocr;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.lang.reflect.Field;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.DecodeResult;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * One of PDFBox's filters held to the {@link DecodeBudget} of the thread decoding: what it writes is counted, and
 * what it allocates before writing, worked out from the stream's own claims, is checked first: a predictor's two rows
 * (Columns x Colors x BitsPerComponent), a fax image's bitmap (Columns x Rows), a JPEG's raster (its header's size),
 * a JBIG2 image's page bitmap (its page information's size).
 * PDFBox has no hook for this, so {@link #install} puts one in front of each filter in its filter factory.
 */
final class BoundedFilter extends Filter {
    /** What a filter allocates from the stream's claims before it writes. */
    private enum Allocates {
        PREDICTOR_ROWS,
        FAX_BITMAP,
        JPEG_RASTER,
        JBIG2_BITMAP,
        NOTHING
    }

    private final Filter filter;
    private final Allocates allocates;

    private BoundedFilter(Filter filter, Allocates allocates) {
        this.filter = filter;
        this.allocates = allocates;
    }

    /** Replaces each filter in PDFBox's filter factory by a bounded one; once, whatever the number of calls. */
    static synchronized void install() {
        try {
            Field field = FilterFactory.class.getDeclaredField("filters");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<COSName, Filter> filters = (Map<COSName, Filter>) field.get(FilterFactory.INSTANCE);
            // One bounded filter per filter, so that its two names (FlateDecode, Fl) stay one: PDFBox drops repeats.
            Map<Filter, Filter> bounded = new IdentityHashMap<>();
            filters.replaceAll((name, filter) -> filter instanceof BoundedFilter
                    ? filter
                    : bounded.computeIfAbsent(filter, unbounded -> new BoundedFilter(unbounded, allocates(name))));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("PDFBox's filters could not be held to a budget", e);
        }
    }

    private static Allocates allocates(COSName name) {
        return ALLOCATES.getOrDefault(name, Allocates.NOTHING);
    }

    /** The filters, by their names, that allocate from a stream's claims before they write. */
    private static final Map<COSName, Allocates> ALLOCATES = Map.of(
            COSName.FLATE_DECODE, Allocates.PREDICTOR_ROWS,
            COSName.FLATE_DECODE_ABBREVIATION, Allocates.PREDICTOR_ROWS,
            COSName.LZW_DECODE, Allocates.PREDICTOR_ROWS,
            COSName.LZW_DECODE_ABBREVIATION, Allocates.PREDICTOR_ROWS,
            COSName.CCITTFAX_DECODE, Allocates.FAX_BITMAP,
            COSName.CCITTFAX_DECODE_ABBREVIATION, Allocates.FAX_BITMAP,
            COSName.DCT_DECODE, Allocates.JPEG_RASTER,
            COSName.DCT_DECODE_ABBREVIATION, Allocates.JPEG_RASTER,
            COSName.JBIG2_DECODE, Allocates.JBIG2_BITMAP);

    @Override
    public DecodeResult decode(
            InputStream encoded, OutputStream decoded, COSDictionary parameters, int index, DecodeOptions options)
            throws IOException {
        DecodeBudget budget = DecodeBudget.current();
        budget.stopIfExceeded();
        InputStream checked = checkAllocation(encoded, parameters, index, options, budget);
        return filter.decode(checked, counted(decoded, parameters, budget), parameters, index, options);
    }

    @Override
    public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index)
            throws IOException {
        return decode(encoded, decoded, parameters, index, DecodeOptions.DEFAULT);
    }

    @Override
    protected void encode(InputStream input, OutputStream encoded, COSDictionary parameters) throws IOException {
        filter.encode(input, encoded, parameters, 0);
    }

    /** The stream to decode, after checking what the filter allocates for it (a JPEG is read to find its size). */
    private InputStream checkAllocation(
            InputStream encoded, COSDictionary parameters, int index, DecodeOptions options, DecodeBudget budget)
            throws IOException {
        COSDictionary decodeParameters = getDecodeParams(parameters, index);
        switch (allocates) {
            case PREDICTOR_ROWS -> {
                if (decodeParameters.getInt(COSName.PREDICTOR) > 1) {
                    // In PDFBox's int arithmetic, overflow included: a negative row it refuses, any other it allocates.
                    int bitsPerPixel = Math.min(decodeParameters.getInt(COSName.COLORS, 1), 32)
                            * decodeParameters.getInt(COSName.BITS_PER_COMPONENT, 8);
                    int row = (decodeParameters.getInt(COSName.COLUMNS, 1) * bitsPerPixel + 7) / 8;
                    budget.check(2L * Math.max(row, 0), "a predictor's rows");
                }
                return encoded;
            }
            case FAX_BITMAP -> {
                // As PDFBox reads them: the image's height wins over the fax's rows where both are given.
                long columns = decodeParameters.getInt(COSName.COLUMNS, 1728);
                long rows = decodeParameters.getInt(COSName.ROWS, 0);
                long height = parameters.getInt(COSName.HEIGHT, COSName.H, 0);
                rows = rows > 0 && height > 0 ? height : Math.max(rows, height);
                budget.check((columns + 7) / 8 * rows, "a fax image's bitmap");
                return encoded;
            }
            case JPEG_RASTER -> {
                byte[] jpeg = encoded.readAllBytes();
                budget.check(jpegRasterBytes(jpeg, options, budget), "a JPEG's raster");
                return new ByteArrayInputStream(jpeg);
            }
            case JBIG2_BITMAP -> {
                byte[] jbig2 = encoded.readAllBytes();
                budget.check(jbig2BitmapBytes(jbig2, decodeParameters), "a JBIG2 image's bitmap");
                return new ByteArrayInputStream(jbig2);
            }
            default -> {
                return encoded;
            }
        }
    }

    /**
     * The bytes of the raster PDFBox reads a JPEG to: the size its header claims, subsampled as PDFBox asks. Refuses a
     * JPEG of more scans than {@link ImageCosts#MOST_SCAN_PIXELS} allows at its whole size (the reader decodes every
     * scan whole, however it subsamples).
     */
    private static long jpegRasterBytes(byte[] jpeg, DecodeOptions options, DecodeBudget budget) throws IOException {
        int start = jpeg.length > 0 && jpeg[0] == 0x0A ? 1 : 0; // PDFBox skips one line feed before the JPEG
        ImageReader reader = findRasterReader("JPEG", "a JPEG reader is not installed");
        try (ImageInputStream in =
                new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg, start, jpeg.length - start))) {
            reader.setInput(in);
            int frameWidth = reader.getWidth(0);
            int frameHeight = reader.getHeight(0);
            int scans = ImageCosts.jpegScans(jpeg, start, jpeg.length);
            if (ImageCosts.overScanBudget(scans, (long) frameWidth * frameHeight)) {
                budget.refuse("a JPEG of " + scans + " scans of " + frameWidth + "x" + frameHeight
                        + " pixels would be decoded " + scans + " times");
            }
            long width = ceilDiv(frameWidth, options.getSubsamplingX());
            long height = ceilDiv(frameHeight, options.getSubsamplingY());
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            return width * height * (raw != null ? raw.getNumBands() : 4);
        } finally {
            reader.dispose();
        }
    }

    /**
     * The bytes of the page bitmap the JBIG2 reader decodes, as its page information claims (whole, before PDFBox's
     * subsampling), and the two copies PDFBox makes of it.
     */
    private static long jbig2BitmapBytes(byte[] jbig2, COSDictionary decodeParameters) throws IOException {
        InputStream source = new ByteArrayInputStream(jbig2);
        COSStream globals = decodeParameters.getCOSStream(COSName.JBIG2_GLOBALS);
        if (globals != null) {
            source = new SequenceInputStream(globals.createInputStream(), source);
        }
        ImageReader reader = findImageReader("JBIG2", "jbig2-imageio is not installed");
        try (ImageInputStream in = new MemoryCacheImageInputStream(source)) {
            reader.setInput(in);
            return 3 * ((reader.getWidth(0) + 7L) / 8 * reader.getHeight(0));
        } catch (RuntimeException e) {
            throw new IOException("Could not read JBIG2 image", e);
        } finally {
            reader.dispose();
        }
    }

    private static long ceilDiv(long size, int step) {
        return (size + Math.max(step, 1) - 1) / Math.max(step, 1);
    }

    /**
     * The filter's output, counted against the budget, and against the most one stream of its kind may decode to:
     * an image's samples and a font's program only the budget; cross-reference and object streams, and any other
     * stream, which PDFBox parses into objects, less.
     */
    private static Counted counted(OutputStream out, COSDictionary stream, DecodeBudget budget) {
        COSName type = stream.getCOSName(COSName.TYPE);
        COSName subtype = stream.getCOSName(COSName.SUBTYPE);
        if (COSName.IMAGE.equals(subtype)
                || stream.containsKey(COSName.LENGTH1)
                || stream.containsKey(COSName.LENGTH2)
                || (subtype != null && FONT_PROGRAMS.contains(subtype))) {
            return new Counted(out, budget, Long.MAX_VALUE, null, false);
        }
        if (COSName.XREF.equals(type) || COSName.OBJ_STM.equals(type)) {
            return new Counted(
                    out,
                    budget,
                    DecodeBudget.MOST_CROSS_REFERENCE_BYTES,
                    "a cross-reference or object stream",
                    budget.decodedBefore(stream));
        }
        return new Counted(out, budget, budget.mostParsedBytes(), "a stream of drawing instructions or objects", false);
    }

    /** The subtypes of embedded font programs (FontFile3); FontFile and FontFile2 have /Length1. */
    private static final java.util.Set<COSName> FONT_PROGRAMS = java.util.Set.of(
            COSName.getPDFName("Type1C"), COSName.getPDFName("CIDFontType0C"), COSName.getPDFName("OpenType"));

    /** What a filter writes, counted against the budget and the most its stream may decode to. */
    private static final class Counted extends FilterOutputStream {
        private final DecodeBudget budget;
        private final long most;
        private final String kind;
        private final boolean decodedAgain;
        private long written;

        Counted(OutputStream out, DecodeBudget budget, long most, String kind, boolean decodedAgain) {
            super(out);
            this.budget = budget;
            this.most = most;
            this.decodedAgain = decodedAgain;
            this.kind = kind;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            count(length);
            out.write(bytes, offset, length);
        }

        private void count(int bytes) throws IOException {
            written += bytes;
            if (written > most) {
                budget.refuse(kind + " in it decodes to more than " + DecodeBudget.megabytes(most) + " MB");
            }
            budget.count(bytes);
            if (decodedAgain) {
                budget.countStructure(bytes);
            }
        }
    }
}
