package com.ocrchat.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.tools.Tier;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A job view carries as much of its result as one Lambda response (6 MB) can, and says where the rest is. */
class ResponseFitTest {
    @Test
    void aViewThatFitsIsLeftAsItIs() {
        JobView view = view("Invoice 42", List.of(page(0, "Invoice 42")));

        assertSame(view, ResponseFit.of(view));
    }

    @Test
    void aDenseResultLeavesItsBlocksOutFirst() {
        String pageText = "word ".repeat(10_000); // 50 KB a page, its blocks four times that
        List<Page> pages =
                IntStream.range(0, 20).mapToObj(index -> page(index, pageText)).toList();

        JobView fitted = ResponseFit.of(view("summary ".repeat(100_000), pages));

        assertTrue(ResponseFit.fits(fitted));
        assertEquals(20, fitted.pages().size());
        assertEquals(pageText, fitted.pages().get(19).text());
        assertTrue(fitted.pages().stream().allMatch(page -> page.blocks().isEmpty()));
        assertEquals("summary ".repeat(100_000), fitted.text());
        assertTrue(
                fitted.warnings().get(0).contains("its pages' blocks and tables are left out here")
                        && fitted.warnings().get(0).contains("/api/v1/ocr/u-1/download/?format=json"),
                fitted.warnings().toString());
    }

    @Test
    void textThatCannotFitIsLeftOutWhole() {
        String chinese = "实际字体标点符号".repeat(200_000); // 1.6 M characters, 9.6 MB as a response escapes them

        JobView fitted = ResponseFit.of(view(chinese, List.of(page(0, chinese))));

        assertEquals("", fitted.text());
        assertEquals("", fitted.pages().get(0).text());
        assertTrue(fitted.warnings().get(0).contains("its text, Markdown and pages' contents are left out"));
        assertTrue(ResponseFit.fits(fitted));
    }

    private static Page page(int index, String text) {
        List<Block> blocks = IntStream.range(0, 4)
                .mapToObj(i -> new Block(text, new int[] {0, i * 100, 900, i * 100 + 90}, 0.9, null))
                .toList();
        return new Page(index, 2480, 3508, text, blocks, List.of(), text, List.of(), null);
    }

    private static JobView view(String text, List<Page> pages) {
        return new JobView(
                "u-1",
                JobStatus.DONE,
                Tier.CPU,
                null,
                "en",
                "en",
                null,
                "scan.pdf",
                pages.size(),
                pages.size(),
                0.9,
                pages.size(),
                Instant.EPOCH,
                Instant.EPOCH,
                Instant.EPOCH,
                text,
                text,
                null,
                pages,
                List.of(),
                null,
                null);
    }
}
