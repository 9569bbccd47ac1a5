package com.ocrchat.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * The hostile corpus's PDF streams that decode to far more than they hold (PDFBox decodes a stream whole into
 * memory), or that claim sizes a decoder allocates for before it reads a byte.
 */
final class HostileStreams {
    private HostileStreams() {}

    /** 300 MB of spaces, deflated to about 300 KB: over the 256 MB a stream may decode to by default. */
    private static final long BOMB_BYTES = 300L * 1024 * 1024;

    private static byte[] deflatedSpaces;

    static List<HostileInputs.Hostile> pdfs() {
        byte[] spaces = deflatedSpaces();
        return List.of(
                // PDFBox inflates a page's contents as it parses them: memory holds, but 20 GB of spaces are minutes.
                new HostileInputs.Hostile(
                        "pdf-contents-inflate-to-300-mb-of-spaces",
                        page("/Filter /FlateDecode", spaces, "").bytes(),
                        "inflate to more than"),
                // Parsed, a byte grows: 256 MB of numbers with no operator after them pile up as 64 million operands.
                new HostileInputs.Hostile(
                        "pdf-contents-of-256-mb-of-numbers-with-no-operator",
                        page("/Filter /FlateDecode", deflatedNumbers(), "").bytes(),
                        "inflate to more than"),
                // The same as a form, which PDFBox decodes whole through its filters before parsing it.
                new HostileInputs.Hostile(
                        "pdf-form-of-256-mb-of-numbers-with-no-operator",
                        page("", "/F Do".getBytes(StandardCharsets.US_ASCII), "/XObject << /F 5 0 R >>").stream(
                                        "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Filter /FlateDecode",
                                        deflatedNumbers(),
                                        false)
                                .bytes(),
                        "drawing instructions or objects in it decodes to more than 32 MB"),
                // PDFBox decodes every stream of a page's contents before it parses them: 20 x 20 MB at once.
                new HostileInputs.Hostile(
                        "pdf-contents-of-one-20-mb-stream-given-20-times",
                        new RawPdf()
                                        .object("<< /Type /Catalog /Pages 2 0 R >>")
                                        .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                                        .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ["
                                                + "4 0 R ".repeat(20) + "] >>")
                                        .stream("/Filter /FlateDecode", deflate(spaces(), 20), false)
                                        .bytes(),
                        "streams decode to more than"),
                // Each filter's output is held whole: 5 MB of run-length pairs (from 5 KB) expand 64 times.
                new HostileInputs.Hostile(
                        "pdf-contents-run-length-decode-to-320-mb",
                        page("/Filter [/FlateDecode /RunLengthDecode]", runLengthBomb(2_621_440), "")
                                .bytes(),
                        "decodes to more than 32 MB"),
                // A font PDFBox cannot load is replaced by another, but loading it filled memory first.
                new HostileInputs.Hostile(
                        "pdf-font-file-inflates-to-300-mb",
                        page(
                                        "",
                                        "BT /F1 12 Tf 72 720 Td (font) Tj ET".getBytes(StandardCharsets.US_ASCII),
                                        fontResource())
                                .object("<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126"
                                        + " /Widths [" + "500 ".repeat(95) + "] /FontDescriptor 6 0 R >>")
                                .object("<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000]"
                                        + " /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80"
                                        + " /FontFile2 7 0 R >>")
                                .stream("/Filter /FlateDecode /Length1 " + BOMB_BYTES, spaces, false)
                                .bytes(),
                        "streams decode to more than 256 MB"),
                // PDFBox allocates two rows of Columns x Colors x BitsPerComponent for a PNG predictor.
                new HostileInputs.Hostile(
                        "pdf-image-predictor-claims-rows-of-256-mb",
                        image(
                                "/Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"
                                        + " /DecodeParms << /Predictor 15 /Columns 4000000 /Colors 32"
                                        + " /BitsPerComponent 16 >>",
                                RawPdf.deflate(new byte[16])),
                        "predictor's rows"),
                // The same, with sizes in PDFBox's int arithmetic: -3 bits a component over 715827888 columns wraps.
                new HostileInputs.Hostile(
                        "pdf-image-predictor-overflows-to-rows-of-256-mb",
                        image(
                                "/Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"
                                        + " /DecodeParms << /Predictor 15 /Columns 715827888 /Colors 1"
                                        + " /BitsPerComponent -3 >>",
                                RawPdf.deflate(new byte[16])),
                        "predictor's rows"),
                // The JBIG2 reader decodes the page its page information claims, whatever the image's dictionary says.
                new HostileInputs.Hostile(
                        "pdf-jbig2-page-claims-100000-square",
                        image(
                                "/Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 1"
                                        + " /Filter /JBIG2Decode",
                                jbig2PageClaiming(100_000, 100_000)),
                        "JBIG2 image's bitmap"),
                // PDFBox multiplies a sampled function's sizes as ints: two negative ones make 1.6 billion samples.
                new HostileInputs.Hostile(
                        "pdf-sampled-function-of-two-negative-sizes",
                        separationText("/Size [-40000 -40000] /Domain [0 1 0 1]"),
                        "sampled function"),
                // Text's colour is worked out while its text layer is read, through the same tint transform.
                new HostileInputs.Hostile(
                        "pdf-text-in-an-ink-whose-tint-claims-40000-square",
                        separationText("/Size [40000 40000] /Domain [0 1 0 1]"),
                        "sampled function"),
                // The JPEG reader allocates the raster its header claims, whatever the image's dictionary says.
                new HostileInputs.Hostile(
                        "pdf-jpeg-header-claims-26000-square",
                        image(
                                "/Width 100 /Height 100 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode",
                                jpegClaiming(26_000, 26_000)),
                        "JPEG's raster"),
                // PDFBox decodes a cross-reference stream while it opens the file, before any page is asked for.
                new HostileInputs.Hostile(
                        "pdf-cross-reference-stream-inflates-to-300-mb",
                        crossReferenceBomb(spaces),
                        "cross-reference or object stream in it decodes to more than 8 MB"));
    }

    /** Text filled in an ink whose tint transform is a sampled function with these sizes and domain. */
    private static byte[] separationText(String sizes) {
        return page(
                        "",
                        "BT /F1 24 Tf /Ink cs 1 scn 72 720 Td (ink) Tj ET".getBytes(StandardCharsets.US_ASCII),
                        "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"
                                + " /ColorSpace << /Ink [/Separation /Spot /DeviceGray 5 0 R] >>")
                .stream("/FunctionType 0 /Range [0 1] /BitsPerSample 8 " + sizes, new byte[16], false)
                .bytes();
    }

    /**
     * A JBIG2 image as PDF embeds it (segments, no file header): a page information segment claiming this size,
     * then the end of the page.
     */
    private static byte[] jbig2PageClaiming(int width, int height) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(11 + 19 + 11);
        b.putInt(0).put((byte) 48).put((byte) 0).put((byte) 1).putInt(19); // segment 0: page information, page 1
        b.putInt(width).putInt(height).putInt(0).putInt(0).put((byte) 0).putShort((short) 0);
        b.putInt(1).put((byte) 49).put((byte) 0).put((byte) 1).putInt(0); // segment 1: end of page
        return b.array();
    }

    static RawPdf page(String filter, byte[] contents, String resources) {
        return new RawPdf()
                        .object("<< /Type /Catalog /Pages 2 0 R >>")
                        .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                        .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << "
                                + resources + " >> >>")
                        .stream(filter, contents, false);
    }

    /**
     * A page of text ("font") in one font: its dictionary's own entries (subtype and the like), and its descriptor's
     * program under this key (FontFile, FontFile2 or FontFile3), with these entries, deflated.
     */
    static byte[] pageInFont(String font, String programKey, String programEntries, byte[] program) {
        return page("", "BT /F1 12 Tf 72 720 Td (font) Tj ET".getBytes(StandardCharsets.US_ASCII), fontResource())
                .object("<< /Type /Font " + font + " /BaseFont /Hostile /FontDescriptor 6 0 R >>")
                .object("<< /Type /FontDescriptor /FontName /Hostile /Flags 32 /FontBBox [0 0 1000 1000]"
                        + " /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 " + programKey
                        + " 7 0 R >>")
                .stream(programEntries, program, true)
                .bytes();
    }

    /** A page of text (glyph 0) in a composite font whose descendant of this subtype has this program. */
    static byte[] pageInCidFont(String subtype, String programKey, String programEntries, byte[] program) {
        return page("", "BT /F1 12 Tf 72 720 Td <00000000> Tj ET".getBytes(StandardCharsets.US_ASCII), fontResource())
                .object("<< /Type /Font /Subtype /Type0 /BaseFont /Hostile /Encoding /Identity-H"
                        + " /DescendantFonts [6 0 R] >>")
                .object("<< /Type /Font /Subtype " + subtype + " /BaseFont /Hostile /CIDSystemInfo << /Registry (Adobe)"
                        + " /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R >>")
                .object("<< /Type /FontDescriptor /FontName /Hostile /Flags 4 /FontBBox [0 0 1000 1000]"
                        + " /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 " + programKey
                        + " 8 0 R >>")
                .stream(programEntries, program, true)
                .bytes();
    }

    private static String fontResource() {
        return "/Font << /F1 5 0 R >>";
    }

    /** A page drawn whole by one image XObject of this dictionary and data. */
    static byte[] image(String dictionary, byte[] data) {
        return page("", "q 612 0 0 792 0 0 cm /I Do Q".getBytes(StandardCharsets.US_ASCII), "/XObject << /I 5 0 R >>")
                .stream("/Type /XObject /Subtype /Image " + dictionary, data, false)
                .bytes();
    }

    private static synchronized byte[] deflatedSpaces() {
        if (deflatedSpaces == null) {
            deflatedSpaces = deflate(spaces(), BOMB_BYTES / (1 << 20));
        }
        return deflatedSpaces;
    }

    private static byte[] deflatedNumbers;

    private static synchronized byte[] deflatedNumbers() {
        if (deflatedNumbers == null) {
            byte[] numbers = new byte[1 << 20];
            for (int i = 0; i < numbers.length; i += 4) {
                System.arraycopy("0.5 ".getBytes(StandardCharsets.US_ASCII), 0, numbers, i, 4);
            }
            deflatedNumbers = deflate(numbers, 256);
        }
        return deflatedNumbers;
    }

    private static byte[] spaces() {
        byte[] megabyte = new byte[1 << 20];
        Arrays.fill(megabyte, (byte) ' ');
        return megabyte;
    }

    /** Deflated run-length data of {@code pairs} runs of 128 spaces: two bytes each. */
    private static byte[] runLengthBomb(int pairs) {
        byte[] runs = new byte[pairs * 2];
        for (int i = 0; i < runs.length; i += 2) {
            runs[i] = (byte) 129; // 257 - 129 = 128 copies of the next byte
            runs[i + 1] = ' ';
        }
        return deflate(runs, 1);
    }

    private static byte[] deflate(byte[] chunk, long times) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (long i = 0; i < times; i++) {
            deflater.setInput(chunk);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** A small real JPEG whose frame header is rewritten to claim this size. */
    private static byte[] jpegClaiming(int width, int height) {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "jpeg", written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jpeg = written.toByteArray();
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) { // SOF0: length, precision, height, width
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
                return jpeg;
            }
        }
        throw new IllegalStateException("no baseline frame header in the JPEG");
    }

    /** A PDF 1.5 file whose only cross-reference is a stream that inflates to {@code data}'s 300 MB. */
    private static byte[] crossReferenceBomb(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                        + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                        + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n")
                .getBytes(StandardCharsets.US_ASCII));
        int xref = out.size();
        out.writeBytes(("4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 1] /Root 1 0 R /Filter /FlateDecode /Length "
                        + data.length + " >>\nstream\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes(("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
