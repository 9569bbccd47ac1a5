package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.page.Block;
import com.ocrchat.page.MarkdownWriter;
import com.ocrchat.page.Page;
import com.ocrchat.page.Word;
import com.ocrchat.settings.Env;
import com.ocrchat.testing.TestPages;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TesseractEngineTest {
    private final TesseractEngine engine =
            new TesseractEngine(EngineSettings.from(Env.of(Map.of())).tessdata().orElse(null));

    /** The page with its white turned to {@code paper} (ink stays dark): what a yellowed page scans as. */
    private static BufferedImage onPaper(int paper, BufferedImage page) {
        BufferedImage grey = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int level = (page.getRGB(x, y) & 0xff) * paper / 255;
                grey.getRaster().setSample(x, y, 0, level);
            }
        }
        return grey;
    }

    /** White paper, and grey paper (an old scan's), which the crops read on the second thread are filled with. */
    @ParameterizedTest
    @ValueSource(ints = {255, 170})
    void aPageReadOnTwoThreadsSaysWhatItSaysOnOneInTheSameOrder(int paper) {
        BufferedImage page = onPaper(
                paper,
                TestPages.twoColumnPage(
                        "Quarterly report",
                        List.of(
                                "The committee reviewed the invoice",
                                "and approved the payment for the",
                                "quarterly supplies while the staff",
                                "counted inventory at the warehouse",
                                "near Springfield before the audit.",
                                "Freight costs rose by nine percent",
                                "after contracts with new carriers",
                                "were signed in March and April."),
                        List.of(
                                "The second column begins here and",
                                "goes on with its own sentences about",
                                "the budget for the coming year, which",
                                "the board will discuss in January.",
                                "Members are asked to read the notes",
                                "before the meeting and to bring any",
                                "questions they have about the totals",
                                "to the treasurer in good time.")));
        TesseractEngine oneThread = new TesseractEngine(
                EngineSettings.from(Env.of(Map.of())).tessdata().orElse(null), 100_000_000L, Duration.ofSeconds(60), 1);
        TesseractEngine twoThreads = new TesseractEngine(
                EngineSettings.from(Env.of(Map.of())).tessdata().orElse(null), 100_000_000L, Duration.ofSeconds(60), 2);

        Page one = oneThread.recognize(page, 0, "eng");
        Page two = twoThreads.recognize(page, 0, "eng");

        assertTrue(cutInHalves(page), "the page is one that two threads read in halves");
        assertSameWordsInTheSameBoxes(one, two);
        assertTrue(
                two.text().indexOf("April.") < two.text().indexOf("The second column"),
                "the left column is read before the right one:\n" + two.text());
        for (Block block : two.blocks()) {
            for (Word word : block.words()) {
                assertTrue(word.bbox()[2] <= page.getWidth() && word.bbox()[3] <= page.getHeight());
            }
        }
    }

    /** A page of one column is cut across and both halves read at once, layout and all: it says the same. */
    @Test
    void aPageOfOneColumnReadInHalvesAcrossSaysWhatItSaysOnOneThread() {
        List<String> lines = minutes(18, 48);
        BufferedImage page = TestPages.page("Minutes", lines);
        assertTrue(PageCut.across(GreyPixels.of(page), page.getWidth(), page.getHeight())
                .isPresent());
        Path tessdata = EngineSettings.from(Env.of(Map.of())).tessdata().orElse(null);
        Page one = new TesseractEngine(tessdata, 100_000_000L, Duration.ofSeconds(60), 1).recognize(page, 0, "eng");
        Page two = new TesseractEngine(tessdata, 100_000_000L, Duration.ofSeconds(60), 2).recognize(page, 0, "eng");

        assertSameWordsInTheSameBoxes(one, two);
        assertTrue(two.text().contains(lines.get(17)), two.text());
    }

    /** A scan fed in askew has no blank row: it is cut along its slant, and its halves say what the whole says. */
    @Test
    void aSkewedPageReadInHalvesAlongItsSlantSaysWhatItSaysOnOneThread() {
        List<String> lines = minutes(20, 60);
        BufferedImage page = TestPages.skewed(TestPages.page("Minutes", lines), -2.5);
        SteppedCut cut = PageCut.across(GreyPixels.of(page), page.getWidth(), page.getHeight())
                .orElseThrow();
        assertTrue(cut.topHeight() > cut.bottomTop(), "cut along the slant");
        Path tessdata = EngineSettings.from(Env.of(Map.of())).tessdata().orElse(null);
        Page one = new TesseractEngine(tessdata, 100_000_000L, Duration.ofSeconds(60), 1).recognize(page, 0, "eng");
        Page two = new TesseractEngine(tessdata, 100_000_000L, Duration.ofSeconds(60), 2).recognize(page, 0, "eng");

        assertSameWordsInTheSameBoxes(one, two);
        assertTrue(two.text().contains(lines.get(18)), two.text()); // a line of the lower half
    }

    /**
     * Lines of words drawn at random (lines alike word for word would line their spaces up into what Tesseract takes
     * for a gutter), each ending in its number.
     */
    private static List<String> minutes(int count, int letters) {
        String[] words = ("the committee reviewed invoice and approved payment for quarterly supplies while staff "
                        + "counted inventory at warehouse near Springfield before December audit of freight costs")
                .split(" ");
        java.util.Random random = new java.util.Random(7);
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            StringBuilder line = new StringBuilder();
            while (line.length() < letters) {
                line.append(line.isEmpty() ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            lines.add(line + " " + (200 + i) + ".");
        }
        return lines;
    }

    /** The same words in the same order, each in the same box within 3 pixels. */
    private static void assertSameWordsInTheSameBoxes(Page one, Page two) {
        List<Word> wordsOne = words(one);
        List<Word> wordsTwo = words(two);
        assertEquals(
                wordsOne.stream().map(Word::text).toList(),
                wordsTwo.stream().map(Word::text).toList());
        for (int i = 0; i < wordsOne.size(); i++) {
            for (int side = 0; side < 4; side++) {
                assertTrue(
                        Math.abs(wordsOne.get(i).bbox()[side] - wordsTwo.get(i).bbox()[side]) <= 3,
                        "the same box within 3 pixels: " + wordsOne.get(i).text());
            }
        }
    }

    private static boolean cutInHalves(BufferedImage page) {
        TesseractHandles handles = new TesseractHandles(
                EngineSettings.from(Env.of(Map.of())).tessdata().orElseThrow());
        net.sourceforge.tess4j.TessAPI api = TesseractHandles.api();
        net.sourceforge.tess4j.ITessAPI.TessBaseAPI handle = handles.recognizer("eng");
        java.nio.ByteBuffer pixels = java.nio.ByteBuffer.allocateDirect(page.getWidth() * page.getHeight());
        pixels.put(GreyPixels.of(page)).flip();
        api.TessBaseAPISetImage(handle, pixels, page.getWidth(), page.getHeight(), 1, page.getWidth());
        try {
            return PageRegions.halves(PageRegions.analyse(api, handle, page.getWidth(), page.getHeight()))
                    .isPresent();
        } finally {
            api.TessBaseAPIDelete(handle);
        }
    }

    private static List<Word> words(Page page) {
        return page.blocks().stream().flatMap(block -> block.words().stream()).toList();
    }

    @Test
    void recognizesTheInvoiceWordsWithBoxesInsideThePage() {
        Page page = engine.recognize(TestPages.invoiceImage(), 0, "eng");

        assertEquals(1240, page.width());
        assertEquals(1754, page.height());
        for (String word : List.of("INVOICE", "Acme", "Corp", "INV-2026-0042", "215.00", "December")) {
            assertTrue(page.text().contains(word), () -> "missing '" + word + "' in:\n" + page.text());
        }
        assertTrue(page.blocks().size() >= 2, "the title and the body are separate blocks");
        for (Block block : page.blocks()) {
            int[] box = block.bbox();
            assertTrue(
                    box[0] >= 0
                            && box[1] >= 0
                            && box[2] > box[0]
                            && box[3] > box[1]
                            && box[2] <= page.width()
                            && box[3] <= page.height(),
                    "bbox inside the page: " + List.of(box[0], box[1], box[2], box[3]));
            assertTrue(
                    block.confidence() > 0.5 && block.confidence() <= 1.0, "confidence in 0..1: " + block.confidence());
            assertTrue(!block.words().isEmpty());
        }
    }

    @Test
    void aBlankPageHasNoBlocks() {
        java.awt.image.BufferedImage blank =
                new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = blank.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.dispose();

        Page page = engine.recognize(blank, 3, "eng");

        assertEquals(3, page.index());
        assertEquals("", page.text());
        assertTrue(page.blocks().isEmpty());
    }

    @Test
    void theHeadingBecomesAMarkdownHeading() {
        Page page = engine.recognize(TestPages.invoiceImage(), 0, "eng");

        String markdown = MarkdownWriter.write(List.of(page));

        assertTrue(markdown.startsWith("# INVOICE\n\n"), markdown);
        assertTrue(markdown.contains("Total: 215.00 USD"), markdown);
    }

    /**
     * Words are walked left to right, which is their order on a page in English; a word of a script read from the
     * right sends the page through Tesseract's reading order, so a Hebrew line reads from its right.
     */
    @Test
    void anEnglishPageIsWalkedLeftToRightAndAHebrewLineComesFromItsRight() {
        assertTrue(LeftToRightCalls.available(), "Debian's Tesseract exports the left-to-right walk");
        assertTrue(engine.read(TestPages.invoiceImage(), 0, "eng").page().text().contains("Total: 215.00 USD"));

        String hebrew = engine.read(
                        TestPages.page("DejaVu Sans", "דוח", List.of("שלום עולם זהו מבחן", "ירושלים היא עיר עתיקה")),
                        0,
                        "heb")
                .page()
                .text();

        assertTrue(hebrew.contains("שלום עולם זהו מבחן"), hebrew);
        assertTrue(hebrew.contains("ירושלים היא עיר עתיקה"), hebrew);
    }

    @Test
    void pagesOnTheirSideOrUpsideDownAreTurnedUpright() {
        for (int degrees : new int[] {90, 180, 270}) {
            java.awt.image.BufferedImage turned = ImageTransforms.rotateClockwise(TestPages.invoiceImage(), degrees);

            OcrEngine.Recognition read = engine.read(turned, 0, "eng");

            assertEquals(1240, read.image().getWidth(), "turned back from " + degrees);
            assertEquals(1754, read.image().getHeight());
            assertEquals(1240, read.page().width());
            assertTrue(
                    read.page().text().contains("Total: 215.00 USD"),
                    degrees + ": " + read.page().text());
        }
        java.awt.image.BufferedImage upright = TestPages.invoiceImage();
        assertTrue(engine.read(upright, 0, "eng").image() == upright, "an upright page is recognized as it is");
    }

    @Test
    void aColourPageTurnedUprightKeepsItsColours() {
        java.awt.image.BufferedImage colour =
                new java.awt.image.BufferedImage(1240, 1754, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D drawing = colour.createGraphics();
        drawing.drawImage(TestPages.invoiceImage(), 0, 0, null);
        drawing.setColor(new java.awt.Color(200, 30, 30)); // a red stamp in the top right corner
        drawing.fillRect(1100, 40, 100, 60);
        drawing.dispose();

        OcrEngine.Recognition read = engine.read(ImageTransforms.rotateClockwise(colour, 90), 0, "eng");

        assertTrue(read.page().text().contains("Total: 215.00 USD"), read.page().text());
        assertEquals(1240, read.image().getWidth());
        assertEquals(1754, read.image().getHeight());
        assertEquals(
                new java.awt.Color(200, 30, 30).getRGB(), read.image().getRGB(1150, 70), "the stamp, upright and red");
        assertSame(colour, engine.read(colour, 0, "eng").image(), "an upright colour page is kept as it is");
    }

    /**
     * A real typed table (Leptonica's table.27, below its notes) reads unsurely, and OSD is sure it is upside down: it is
     * not. The reading of the page as it is reads better, and is kept.
     */
    @Test
    void aPageOrientationDetectionWronglyCallsUpsideDownIsReadAsItIs() throws Exception {
        BufferedImage page;
        try (var file = getClass().getResourceAsStream("real/table.27.tif")) {
            page = javax.imageio.ImageIO.read(file);
        }
        BufferedImage table = page.getSubimage(0, 400, page.getWidth(), page.getHeight() - 400);
        PageOrientation osd = new PageOrientation(new TesseractHandles(
                EngineSettings.from(Env.of(Map.of())).tessdata().orElse(null)));
        assertEquals(180, osd.detect(table).degrees(), "the premise: OSD is sure the table is upside down");

        OcrEngine.Recognition read = engine.read(table, 0, "eng");

        assertTrue(read.image() == table, "not turned");
        assertTrue(
                read.page().text().contains("North Carolina")
                        && read.page().text().contains("Tennessee"),
                read.page().text());
    }

    /**
     * A real title page in Latin (Leptonica's harmoniam100-11), read with English, reads poorly overall, but two fifths
     * of its characters are in words read surely, which text upside down never has: it is not shown to orientation
     * detection, and is read as it is. Turned half round, it reads like text upside down, and is turned back.
     */
    @Test
    void aRealPageThatReadsPoorlyIsTurnedOnlyWhenUpsideDown() throws Exception {
        BufferedImage page;
        try (var file = getClass().getResourceAsStream("real/harmoniam100-11.png")) {
            page = javax.imageio.ImageIO.read(file);
        }
        BufferedImage upsideDown = ImageTransforms.rotateClockwise(page, 180);
        Page firstReading = engine.pass(page, 0, "eng").page();
        assertFalse(TesseractEngine.readsWell(firstReading), "the premise: it reads poorly");
        assertFalse(TesseractEngine.mayBeUpsideDown(firstReading), "not shown to orientation detection");
        assertTrue(TesseractEngine.mayBeUpsideDown(
                engine.pass(upsideDown, 0, "eng").page()));

        OcrEngine.Recognition asItIs = engine.read(page, 0, "eng");
        OcrEngine.Recognition turned = engine.read(upsideDown, 0, "eng");

        assertSame(page, asItIs.image(), "not turned");
        assertTrue(
                asItIs.page().text().contains("QUATUOR EVANGELISTARUM"),
                asItIs.page().text());
        assertEquals(asItIs.page().text(), turned.page().text(), "turned back, it reads as the page does");
    }

    @Test
    void textTooSmallForTesseractIsRescaledAndMappedBack() {
        java.awt.image.BufferedImage tiny = ImageTransforms.scale(TestPages.invoiceImage(), 0.3);

        Page page = engine.recognize(tiny, 0, "eng");

        assertEquals(tiny.getWidth(), page.width());
        assertTrue(page.text().contains("215.00") && page.text().contains("Acme Corp"), page.text());
        for (Block block : page.blocks()) {
            assertTrue(
                    block.bbox()[2] <= tiny.getWidth() && block.bbox()[3] <= tiny.getHeight(),
                    java.util.Arrays.toString(block.bbox()));
        }
    }
}
