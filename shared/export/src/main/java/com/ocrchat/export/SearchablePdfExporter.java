package com.ocrchat.export;

import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobResult;
import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.TextDirection;
import com.ocrchat.page.Word;
import com.ocrchat.store.PageImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A searchable PDF the way Tesseract and OCRmyPDF make one: pages that had their own text layer are
 * kept as they were; every other page is the page image as it was recognized (a JPEG, or a bilevel page's CCITT G4
 * data as they are), with an invisible text layer (render mode 3) placed word by word over the words found,
 * so that selecting, searching and copying work. The text layer uses a glyphless font whose character
 * codes are the text's characters, with a ToUnicode map ({@link GlyphlessCodes}), so every script survives.
 */
final class SearchablePdfExporter implements Exporter {
    private static final COSName FONT_NAME = COSName.getPDFName("GlyphLess");
    /** Every glyph of the glyphless font is half an em wide. */
    private static final float GLYPH_WIDTH = 0.5f;

    private final int dpi;

    SearchablePdfExporter(int dpi) {
        this.dpi = dpi;
    }

    @Override
    public byte[] export(JobRecord job, JobResult result, PageImages images) {
        List<PDDocument> originals = new java.util.ArrayList<>();
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            COSDictionary font = glyphlessFont(pdf);
            GlyphlessCodes codes = new GlyphlessCodes();
            for (Page page : result.pages()) {
                Optional<byte[]> original = images.original(job.uuid(), page.index());
                if (original.isPresent()) {
                    // A page that had its own text layer is kept as it was.
                    PDDocument single = org.apache.pdfbox.Loader.loadPDF(original.get());
                    originals.add(single);
                    pdf.importPage(single.getPage(0));
                } else {
                    pdf.addPage(page(pdf, font, codes, page, images.image(job.uuid(), page.index())));
                }
            }
            font.setItem(COSName.TO_UNICODE, stream(pdf, codes.toUnicode())); // once every word has its codes
            pdf.getDocumentInformation().setTitle(job.filename());
            pdf.getDocumentInformation().setProducer("ocrchat");
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (PDDocument single : originals) {
                try {
                    single.close();
                } catch (IOException ignored) {
                    // Read from memory; nothing is left open.
                }
            }
        }
    }

    private PDPage page(PDDocument pdf, COSDictionary font, GlyphlessCodes codes, Page page, Optional<byte[]> kept)
            throws IOException {
        float scale = 72f / dpi;
        float width = page.width() * scale;
        float height = page.height() * scale;
        PDPage pdfPage = new PDPage(new PDRectangle(width, height));
        PDResources resources = new PDResources();
        pdfPage.setResources(resources);
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(FONT_NAME, font);
        resources.getCOSObject().setItem(COSName.FONT, fonts);

        StringBuilder content = new StringBuilder();
        if (kept.isPresent()) {
            // A JPEG or a G4 TIFF (a bilevel page): either is embedded as it is, without decoding.
            PDImageXObject image = PDImageXObject.createFromByteArray(pdf, kept.get(), "page " + page.index());
            COSName imageName = resources.add(image);
            content.append(String.format(
                    Locale.ROOT, "q %.3f 0 0 %.3f 0 0 cm /%s Do Q%n", width, height, imageName.getName()));
        }
        content.append("BT 3 Tr\n");
        for (Block block : page.blocks()) {
            for (Word word : block.words() == null ? List.<Word>of() : block.words()) {
                appendWord(content, codes, word, scale, height);
            }
        }
        content.append("ET\n");
        PDStream stream = new PDStream(pdf);
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(content.toString().getBytes(StandardCharsets.US_ASCII));
        }
        pdfPage.setContents(stream);
        return pdfPage;
    }

    /**
     * The word's text set on its baseline, its font size the box height, stretched to the box width.
     * A right-to-left word is set from its right edge with a mirrored text matrix, so its glyphs run
     * leftwards in logical order and text extraction (which reads visually, then applies bidi) gets it right.
     */
    private static void appendWord(
            StringBuilder content, GlyphlessCodes codes, Word word, float scale, float pageHeight) {
        String text = word.text();
        if (text.isEmpty()) {
            return;
        }
        int[] box = word.bbox();
        float size = Math.max(1f, (box[3] - box[1]) * scale);
        float boxWidth = Math.max(1f, (box[2] - box[0]) * scale);
        boolean rightToLeft = TextDirection.isRightToLeft(text);
        float x = (rightToLeft ? box[2] : box[0]) * scale;
        float baseline = pageHeight - box[3] * scale + size * 0.2f;
        StringBuilder hex = new StringBuilder(text.length() * 4);
        int glyphs = codes.appendCodes(hex, text);
        float stretch = 100f * boxWidth / (glyphs * size * GLYPH_WIDTH);
        // Written by hand: String.format for every word was most of a large document's export.
        content.append('/').append(FONT_NAME.getName()).append(' ');
        appendNumber(content, size).append(" Tf ");
        appendNumber(content, stretch)
                .append(" Tz ")
                .append(rightToLeft ? "-1" : "1")
                .append(" 0 0 1 ");
        appendNumber(content, x).append(' ');
        appendNumber(content, baseline).append(" Tm <").append(hex).append("> Tj\n");
    }

    /** A number with two decimals, as PDF writes them (no exponent, a full stop whatever the locale). */
    private static StringBuilder appendNumber(StringBuilder content, float value) {
        long hundredths = Math.round(value * 100.0);
        if (hundredths < 0) {
            content.append('-');
            hundredths = -hundredths;
        }
        long fraction = hundredths % 100;
        return content.append(hundredths / 100)
                .append('.')
                .append(fraction < 10 ? "0" : "")
                .append(fraction);
    }

    /** A Type0 font over Tesseract's glyphless TrueType: Identity-H codes, all mapped to its one glyph. */
    private static COSDictionary glyphlessFont(PDDocument pdf) throws IOException {
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "GlyphLessFont");
        descriptor.setInt(COSName.FLAGS, 5);
        descriptor.setItem(COSName.FONT_BBOX, numbers(0, 0, 500, 1000));
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 1000);
        descriptor.setInt(COSName.DESCENT, -1);
        descriptor.setInt(COSName.CAP_HEIGHT, 1000);
        descriptor.setInt(COSName.STEM_V, 80);
        byte[] ttf = resource("/fonts/glyphless.ttf");
        COSStream fontFile = stream(pdf, ttf);
        fontFile.setInt(COSName.LENGTH1, ttf.length);
        descriptor.setItem(COSName.FONT_FILE2, fontFile);

        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setItem(COSName.REGISTRY, new COSString("Adobe"));
        systemInfo.setItem(COSName.ORDERING, new COSString("Identity"));
        systemInfo.setInt(COSName.SUPPLEMENT, 0);

        byte[] toGlyphOne = new byte[65536 * 2];
        for (int i = 1; i < toGlyphOne.length; i += 2) {
            toGlyphOne[i] = 1;
        }
        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cidFont.setName(COSName.BASE_FONT, "GlyphLessFont");
        cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        cidFont.setInt(COSName.DW, (int) (GLYPH_WIDTH * 1000));
        cidFont.setItem(COSName.CID_TO_GID_MAP, stream(pdf, toGlyphOne));

        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setName(COSName.BASE_FONT, "GlyphLessFont");
        font.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        return font;
    }

    private static COSStream stream(PDDocument pdf, byte[] bytes) throws IOException {
        COSStream stream = pdf.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(bytes);
        }
        return stream;
    }

    private static COSArray numbers(float... values) {
        COSArray array = new COSArray();
        for (float value : values) {
            array.add(value == Math.rint(value) ? COSInteger.get((long) value) : new COSFloat(value));
        }
        return array;
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = SearchablePdfExporter.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " is missing from the classpath");
            }
            return in.readAllBytes();
        }
    }
}
