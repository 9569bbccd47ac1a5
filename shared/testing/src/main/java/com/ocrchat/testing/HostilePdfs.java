package com.ocrchat.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** The hostile corpus's PDFs: page trees that loop or lie, operator floods, form fan-outs, image bombs. */
final class HostilePdfs {
    private HostilePdfs() {}

    private static final String LETTER = "[0 0 612 792]";

    // ---- PDF --------------------------------------------------------------------------------------------

    static List<HostileInputs.Hostile> pdfs() {
        byte[] real = TestDocuments.textPdf(List.of(List.of("one"), List.of("two"), List.of("three")));
        return List.of(
                new HostileInputs.Hostile("pdf-page-tree-loop", pageTreeLoop(), "loops back"),
                new HostileInputs.Hostile("pdf-pages-node-is-its-own-kid", selfKid(), "loops back"),
                // Read as the one page it holds, as other readers do: the pages are counted, never the /Count.
                new HostileInputs.Hostile("pdf-count-says-a-million", countLie(1_000_000), null),
                new HostileInputs.Hostile("pdf-no-pages", countLie(-1), "no pages"),
                new HostileInputs.Hostile("pdf-page-tree-200-deep", deepTree(200), "nested too deep"),
                new HostileInputs.Hostile("pdf-2001-pages", manyPages(2001), "more than 2000 pages"),
                new HostileInputs.Hostile("pdf-zero-area-page", page("[0 0 0 0]", "0 0 m", ""), "no area"),
                new HostileInputs.Hostile(
                        "pdf-page-of-a-billion-points", page("[0 0 1000000000 1000000000]", "0 0 m", ""), null),
                // Found by fuzzing: three points high is under a pixel at the dpi its area allows, yet drawn one high.
                new HostileInputs.Hostile(
                        "pdf-page-a-billion-points-wide-and-three-high", page("[0 0 1000000000 3]", "0 0 m", ""), null),
                new HostileInputs.Hostile("pdf-three-million-operators", operatorFlood(3_000_000), "budget"),
                new HostileInputs.Hostile("pdf-form-fan-out-10-to-the-9", formFanOut(9, 10), "budget"),
                new HostileInputs.Hostile("pdf-form-draws-itself", selfDrawingForm(), null),
                new HostileInputs.Hostile("pdf-image-inflates-to-400mb", imageBomb(20_000, 20_000, true), null),
                new HostileInputs.Hostile(
                        "pdf-image-claims-100000-square-with-no-data", imageBomb(100_000, 100_000, false), null),
                // Found by fuzzing: with a few bytes of data PDFBox decodes it at an eighth of its side, 9 s a draw.
                new HostileInputs.Hostile(
                        "pdf-image-claims-100000-square-with-a-few-bytes",
                        image(100_000, 100_000, new byte[300], false),
                        "decoded to"),
                // Subsampled no further than its one pixel across: two billion pixels filled the heap.
                new HostileInputs.Hostile(
                        "pdf-image-a-pixel-wide-and-two-billion-high",
                        image(1, 2_000_000_000, new byte[300], false),
                        "decoded to"),
                // Width times height overflows PDFBox's int, and it decodes the image whole.
                new HostileInputs.Hostile(
                        "pdf-image-claims-56000-square", image(56_000, 56_000, new byte[300], false), "decoded to"),
                // PDFBox fills a mesh pixel by pixel per triangle, and cannot be stopped in the middle of one fill.
                new HostileInputs.Hostile("pdf-mesh-of-1000-half-page-triangles", meshShading(1000, false), null),
                new HostileInputs.Hostile(
                        "pdf-mesh-of-1000-half-page-triangles-as-a-pattern", meshShading(1000, true), null),
                // A 1 KB sampled function claiming 40000 x 40000 samples filled the heap.
                new HostileInputs.Hostile(
                        "pdf-gradient-of-a-sampled-function-claiming-40000-square",
                        gradient(
                                "/FunctionType 0 /Domain [0 1 0 1] /Range [0 1] /Size [40000 40000] /BitsPerSample 8",
                                new byte[100]),
                        "sampled function"),
                // PDFBox runs a calculator function for every colour of the gradient: 34 s at 300 dpi.
                new HostileInputs.Hostile(
                        "pdf-gradient-of-a-100000-operator-calculator-function",
                        gradient(
                                "/FunctionType 4 /Domain [0 1] /Range [0 1]",
                                ("{ " + "0 add ".repeat(100_000) + "}").getBytes(StandardCharsets.US_ASCII)),
                        "calculator function"),
                // One "Tj" is one operator, but PDFBox draws a glyph per byte: 5 million took 5 s from 5 KB.
                new HostileInputs.Hostile(
                        "pdf-one-string-of-5-million-glyphs",
                        page(
                                "[0 0 612 792]",
                                "BT /F1 1 Tf 10 10 Td (" + "x".repeat(5_000_000) + ") Tj ET",
                                "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"),
                        "budget"),
                // PDFBox runs the inks' tint transform per colour of the image: 20 s for a million pixels.
                new HostileInputs.Hostile(
                        "pdf-image-of-four-inks-with-a-600-token-tint", fourInkImage(), "function steps"),
                new HostileInputs.Hostile("pdf-content-length-lies", lengthLie(), null),
                new HostileInputs.Hostile(
                        "pdf-missing-resources", page("[0 0 612 792]", "/F9 12 Tf BT (x) Tj ET /Im9 Do", ""), null),
                new HostileInputs.Hostile(
                        "pdf-header-only", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "corrupt or truncated"),
                new HostileInputs.Hostile("pdf-truncated-60-percent", Arrays.copyOf(real, real.length * 6 / 10), null),
                new HostileInputs.Hostile("pdf-encrypted", TestDocuments.encryptedPdf(real), "password"),
                new HostileInputs.Hostile("pdf-garbage-after-header", garbageAfter("%PDF-1.4\n"), null));
    }

    private static byte[] pageTreeLoop() {
        return new RawPdf()
                .object("<< /Type /Catalog /Pages 2 0 R >>")
                .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object("<< /Type /Pages /Kids [2 0 R] /Count 1 >>")
                .bytes();
    }

    private static byte[] selfKid() {
        return new RawPdf()
                .object("<< /Type /Catalog /Pages 2 0 R >>")
                .object("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>")
                .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
                .bytes();
    }

    /** One page, with a /Count of {@code count}; -1: no kids at all, and a count of 0. */
    private static byte[] countLie(int count) {
        return new RawPdf()
                .object("<< /Type /Catalog /Pages 2 0 R >>")
                .object(
                        count < 0
                                ? "<< /Type /Pages /Kids [] /Count 0 >>"
                                : "<< /Type /Pages /Kids [3 0 R] /Count " + count + " >>")
                .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
                .bytes();
    }

    private static byte[] deepTree(int depth) {
        RawPdf pdf = new RawPdf().object("<< /Type /Catalog /Pages 2 0 R >>");
        for (int level = 0; level < depth; level++) {
            int self = 2 + level;
            pdf.object("<< /Type /Pages /Kids [" + (self + 1) + " 0 R] /Count 1"
                    + (level > 0 ? " /Parent " + (self - 1) + " 0 R" : "") + " >>");
        }
        pdf.object("<< /Type /Page /Parent " + (depth + 1) + " 0 R /MediaBox [0 0 612 792] >>");
        return pdf.bytes();
    }

    private static byte[] manyPages(int pages) {
        StringBuilder kids = new StringBuilder();
        for (int page = 0; page < pages; page++) {
            kids.append(4 + page).append(" 0 R ");
        }
        RawPdf pdf = new RawPdf()
                        .object("<< /Type /Catalog /Pages 2 0 R >>")
                        .object("<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>")
                        .stream("", "0 0 m".getBytes(StandardCharsets.US_ASCII), false);
        for (int page = 0; page < pages; page++) {
            pdf.object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>");
        }
        return pdf.bytes();
    }

    /** One page with this media box, content and extra objects' resources ({@code resources} inside /Resources). */
    private static byte[] page(String mediaBox, String content, String resources) {
        return onePage(mediaBox, content, resources, true).bytes();
    }

    /** A one-page PDF to add objects to (from 5 0 R): its content as object 4, deflated or not. */
    static RawPdf onePage(String mediaBox, String content, String resources, boolean deflated) {
        return new RawPdf()
                        .object("<< /Type /Catalog /Pages 2 0 R >>")
                        .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                        .object("<< /Type /Page /Parent 2 0 R /MediaBox " + mediaBox + " /Contents 4 0 R /Resources << "
                                + resources + " >> >>")
                        .stream("", content.getBytes(StandardCharsets.US_ASCII), deflated);
    }

    private static byte[] operatorFlood(int operators) {
        byte[] one = "0 0 m\n".getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[one.length * operators];
        for (int i = 0; i < operators; i++) {
            System.arraycopy(one, 0, content, i * one.length, one.length);
        }
        return new RawPdf()
                        .object("<< /Type /Catalog /Pages 2 0 R >>")
                        .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                        .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>")
                        .stream("", content, true)
                        .bytes();
    }

    /** Form F(k) draws F(k-1) {@code fanOut} times; F0 strokes a line: fanOut^depth strokes from a few hundred bytes. */
    private static byte[] formFanOut(int depth, int fanOut) {
        RawPdf pdf = new RawPdf()
                        .object("<< /Type /Catalog /Pages 2 0 R >>")
                        .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                        .object(
                                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /F 5 0 R >> >> >>")
                        .stream("", "/F Do".getBytes(StandardCharsets.US_ASCII), false);
        for (int level = depth; level >= 0; level--) {
            int self = 5 + (depth - level);
            String body = level == 0 ? "0 0 m 10 10 l S" : "/F Do ".repeat(fanOut);
            String resources = level == 0 ? "" : " /Resources << /XObject << /F " + (self + 1) + " 0 R >> >>";
            pdf.stream(
                    "/Type /XObject /Subtype /Form /BBox [0 0 612 792]" + resources,
                    body.getBytes(StandardCharsets.US_ASCII),
                    false);
        }
        return pdf.bytes();
    }

    private static byte[] selfDrawingForm() {
        return new RawPdf()
                        .object("<< /Type /Catalog /Pages 2 0 R >>")
                        .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                        .object(
                                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /F 5 0 R >> >> >>")
                        .stream("", "/F Do".getBytes(StandardCharsets.US_ASCII), false)
                        .stream(
                                "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /F 5 0 R >> >>",
                                "/F Do /F Do".getBytes(StandardCharsets.US_ASCII),
                                false)
                        .bytes();
    }

    /** A page-filling grey image of these dimensions: deflated zeros when {@code withData}, else no data at all. */
    private static byte[] imageBomb(int width, int height, boolean withData) {
        return image(width, height, withData ? new byte[width * height] : new byte[0], withData);
    }

    /** A page-filling grey image that claims these dimensions and holds this data, deflated or not. */
    private static byte[] image(int width, int height, byte[] data, boolean deflated) {
        return onePage(LETTER, "q 612 0 0 792 0 0 cm /I Do Q", "/XObject << /I 5 0 R >>", false).stream(
                        "/Type /XObject /Subtype /Image /Width " + width + " /Height " + height
                                + " /ColorSpace /DeviceGray /BitsPerComponent 8",
                        data,
                        deflated)
                .bytes();
    }

    /**
     * A free-form triangle mesh (shading type 4) of {@code triangles} grey triangles, each over half the page,
     * painted with "sh" or as the pattern a page-filling rectangle is filled with.
     */
    private static byte[] meshShading(int triangles, boolean asPattern) {
        // Each vertex: an 8-bit flag, 16-bit x and y, an 8-bit grey.
        byte[] triangle = {0, 0, 0, 0, 0, 0, 0, -1, -1, 0, 0, -1, 0, 0, 0, -1, -1, -128};
        byte[] mesh = new byte[triangle.length * triangles];
        for (int i = 0; i < triangles; i++) {
            System.arraycopy(triangle, 0, mesh, i * triangle.length, triangle.length);
        }
        String resources = asPattern ? "/Pattern << /P 6 0 R >>" : "/Shading << /Sh 5 0 R >>";
        String content = asPattern ? "/Pattern cs /P scn 0 0 612 792 re f" : "/Sh sh";
        return onePage(LETTER, content, resources, false).stream(
                        "/ShadingType 4 /ColorSpace /DeviceGray /BitsPerCoordinate 16 /BitsPerComponent 8"
                                + " /BitsPerFlag 8 /Decode [0 612 0 792 0 1]",
                        mesh,
                        true)
                .object("<< /PatternType 2 /Shading 5 0 R >>")
                .bytes();
    }

    /** A page painted with an axial gradient (shading type 2) whose colours come from this function. */
    static byte[] gradient(String function, byte[] program) {
        return onePage(LETTER, "/Sh sh", "/Shading << /Sh 5 0 R >>", false)
                .object("<< /ShadingType 2 /ColorSpace /DeviceGray /Coords [0 0 612 0] /Function 6 0 R"
                        + " /Extend [true true] >>")
                .stream(function, program, true)
                .bytes();
    }

    /** A page-filling 1000 x 1000 image of noise in four inks (DeviceN), turned grey by a 600-token function. */
    private static byte[] fourInkImage() {
        byte[] noise = new byte[1000 * 1000 * 4];
        new Random(11).nextBytes(noise);
        return onePage(LETTER, "q 612 0 0 792 0 0 cm /I Do Q", "/XObject << /I 5 0 R >>", false).stream(
                        "/Type /XObject /Subtype /Image /Width 1000 /Height 1000 /BitsPerComponent 8"
                                + " /ColorSpace [/DeviceN [/A /B /C /D] /DeviceGray 6 0 R]",
                        noise,
                        true)
                .stream(
                        "/FunctionType 4 /Domain [0 1 0 1 0 1 0 1] /Range [0 1]",
                        ("{ " + "0 add ".repeat(300) + "pop pop pop }").getBytes(StandardCharsets.US_ASCII),
                        true)
                .bytes();
    }

    private static byte[] lengthLie() {
        byte[] pdf = page("[0 0 612 792]", "0 0 m 100 100 l S", "");
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        return text.replaceFirst("/Length \\d+", "/Length 999999999").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] garbageAfter(String header) {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, garbage, 0, head.length);
        return garbage;
    }
}
