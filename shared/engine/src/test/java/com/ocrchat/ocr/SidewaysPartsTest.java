package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.page.Block;
import com.ocrchat.page.Word;
import com.ocrchat.settings.Env;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A part of a page set sideways, read alone when two threads share a page, says its words whichever way up it was
 * set: a photo credit running up a picture's side (rabi.png) was read upside down, as "SHAIHOUV TVNSIA".
 */
class SidewaysPartsTest {
    private static final String CREDIT = "NATIONAL ARCHIVES, COURTESY AIP SEGRE VISUAL ARCHIVES";

    private final HandleReadings readings = new HandleReadings(
            new TesseractHandles(
                    EngineSettings.from(Env.of(Map.of())).tessdata().orElse(null)),
            Duration.ofSeconds(60));

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aCreditSetSidewaysReadsTheRightWayUpWithItsBoxesOnThePage(boolean runningUp) {
        BufferedImage line = line(CREDIT);
        BufferedImage part = sideways(line, runningUp);
        int left = 300;
        int top = 200;
        int width = left + part.getWidth() + 40;
        int height = top + part.getHeight() + 40;
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(part, left, top, null);
        g.dispose();
        PageRegions.Box box =
                new PageRegions.Box(left - 10, top - 10, left + part.getWidth() + 10, top + part.getHeight() + 10);

        List<Block> blocks = readings.withinPageBudget(() -> readings.readPart(
                new HandleReadings.Image(GreyPixels.of(page), 0, 0, width, height, 0),
                (byte) 255,
                new PageRegions.Part(box, List.of(box), true),
                readings.begin("eng", 0)));

        String text = blocks.stream().map(Block::text).collect(Collectors.joining(" "));
        assertEquals(CREDIT, text.replace('\n', ' '));
        for (Block block : blocks) {
            for (Word word : block.words()) {
                int[] b = word.bbox();
                assertTrue(
                        b[0] >= box.left() && b[1] >= box.top() && b[2] <= box.right() && b[3] <= box.bottom(),
                        word.text() + " lies in the part on the page: " + java.util.Arrays.toString(b));
            }
        }
        Word first = blocks.get(0).words().get(0);
        int middle = top + part.getHeight() / 2;
        assertTrue(
                runningUp ? first.bbox()[1] > middle : first.bbox()[3] < middle,
                "the first word lies where it begins, at the " + (runningUp ? "bottom" : "top"));
    }

    private static BufferedImage line(String text) {
        BufferedImage image = new BufferedImage(1500, 70, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 34));
        g.drawString(text, 20, 48);
        g.dispose();
        return image;
    }

    /** The line turned a quarter round: running up the page (turned left) or down it (turned right). */
    private static BufferedImage sideways(BufferedImage line, boolean runningUp) {
        int w = line.getWidth();
        int h = line.getHeight();
        BufferedImage turned = new BufferedImage(h, w, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = line.getRGB(x, y);
                if (runningUp) {
                    turned.setRGB(y, w - 1 - x, rgb);
                } else {
                    turned.setRGB(h - 1 - y, x, rgb);
                }
            }
        }
        return turned;
    }
}
