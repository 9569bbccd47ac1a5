package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.page.Block;
import com.ocrchat.page.Word;
import com.ocrchat.settings.Env;
import com.ocrchat.testing.TestPages;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import org.junit.jupiter.api.Test;

/** The result walked left to right is the result walked in Tesseract's reading order, word for word. */
class TesseractResultsTest {
    private final TesseractHandles handles = new TesseractHandles(
            EngineSettings.from(Env.of(Map.of())).tessdata().orElse(null));

    /** The page recognized on this thread's handle for {@code model}, its result left on the handle. */
    private TessBaseAPI recognized(BufferedImage page, String model) {
        BufferedImage grey = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.createGraphics().drawImage(page, 0, 0, null);
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        ByteBuffer direct = ByteBuffer.allocateDirect(pixels.length).put(pixels).flip();
        TessBaseAPI handle = handles.recognizer(model);
        TesseractHandles.api()
                .TessBaseAPISetImage(handle, direct, grey.getWidth(), grey.getHeight(), 1, grey.getWidth());
        TesseractHandles.api().TessBaseAPISetSourceResolution(handle, 300);
        assertEquals(0, TesseractHandles.api().TessBaseAPIRecognize(handle, null));
        return handle;
    }

    /** Every block's text and every word's text, box and confidence. */
    private static String everything(List<Block> blocks) {
        StringBuilder all = new StringBuilder();
        for (Block block : blocks) {
            all.append("[").append(block.text()).append("]\n");
            for (Word word : block.words()) {
                all.append(word.text())
                        .append(Arrays.toString(word.bbox()))
                        .append(word.confidence())
                        .append('\n');
            }
        }
        return all.toString();
    }

    private void sameEitherWay(BufferedImage page, String model, boolean spaced) {
        TessBaseAPI handle = recognized(page, model);
        List<Block> readingOrder = TesseractResults.walk(handle, false, spaced, 10, 20);
        List<Block> leftToRight = TesseractResults.walk(handle, true, spaced, 10, 20);
        assertTrue(readingOrder.size() > 1, everything(readingOrder));
        assertEquals(everything(readingOrder), everything(leftToRight));
    }

    @Test
    void twoColumnsAndChineseComeOutTheSameWalkedLeftToRight() {
        assertTrue(LeftToRightCalls.available(), "Debian's Tesseract exports the left-to-right walk");
        sameEitherWay(
                TestPages.twoColumnPage(
                        "Quarterly report",
                        List.of(
                                "The committee reviewed the invoice",
                                "and approved the payment for the",
                                "quarterly supplies while the staff"),
                        List.of(
                                "The second column begins here and",
                                "goes on with its own sentences about",
                                "the budget for the coming year, which")),
                "eng",
                true);
        sameEitherWay(
                TestPages.page("Noto Sans CJK SC", "报告", List.of("你好世界这是一个测试", "北京是中国的首都", "我们每天学习中文")),
                "chi_sim",
                false);
    }

    @Test
    void aPageWithAWordReadFromTheRightIsLeftToTheReadingOrder() {
        TessBaseAPI handle = recognized(
                TestPages.page("DejaVu Sans", "Report", List.of("The word שלום means peace", "and more words here")),
                "eng+heb");
        assertNull(TesseractResults.walk(handle, true, true, 0, 0));
        assertTrue(TesseractResults.readBlocks(handle, "eng+heb", 0, 0).size() > 0);
    }
}
