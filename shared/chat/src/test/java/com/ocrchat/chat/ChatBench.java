package com.ocrchat.chat;

import com.ocrchat.json.Json;
import com.ocrchat.page.Page;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * ./ocrchat bench's chat part: a 100-page document (laid out as OCR gives it), its index made from the pages (the
 * first question), made again from the stored sentences (a cold start), and then questions and a summary against
 * it. Printed, never passed or failed.
 */
public final class ChatBench {
    private static final int PAGES = 100;

    public static void main(String[] args) {
        List<Page> pages = ChatEvaluationTest.laidOut(document());
        ExtractiveAnswerer answerer = new ExtractiveAnswerer();
        for (int warm = 0; warm < 3; warm++) { // the JIT warm, as a warm function's is
            Sentences.Split split = Sentences.of(pages, "en");
            ChatService.answer(
                    PassageIndex.of(split.sentences(), split.runningLines(), PAGES), answerer, "budget", List.of());
        }
        long start = System.nanoTime();
        Sentences.Split split = Sentences.of(pages, "en");
        PassageIndex built = PassageIndex.of(split.sentences(), split.runningLines(), PAGES);
        double firstBuild = millis(start);
        byte[] stored = Json.writeBytes(
                new PassageIndexes.Stored(PassageIndexes.VERSION, PAGES, split.sentences(), split.runningLines()));
        start = System.nanoTime();
        PassageIndexes.Stored read = Json.read(stored, PassageIndexes.Stored.class);
        PassageIndex reloaded = PassageIndex.of(read.sentences(), read.runningLines(), read.pageCount());
        double coldStart = millis(start);

        double[] answers = new double[PAGES];
        for (int i = 0; i < PAGES; i++) {
            start = System.nanoTime();
            ChatService.answer(reloaded, answerer, "How much did region " + (i + 1) + " spend on schools?", List.of());
            answers[i] = millis(start);
        }
        Arrays.sort(answers);
        start = System.nanoTime();
        Citations.Grounded summary = ChatService.answer(built, answerer, "Summarize this document", List.of());
        double summarized = millis(start);
        System.out.printf(
                Locale.ROOT,
                "Chat (extractive answerer) on a %d-page document, %d sentences, %d KB stored:%n",
                PAGES,
                split.sentences().size(),
                stored.length / 1024);
        System.out.printf(Locale.ROOT, "  index from the pages (first question):      %6.0f ms%n", firstBuild);
        System.out.printf(Locale.ROOT, "  index from the stored sentences (cold start): %4.0f ms%n", coldStart);
        System.out.printf(
                Locale.ROOT,
                "  a question: median %.1f ms, slowest %.1f ms (target: within 1 s)%n",
                answers[PAGES / 2],
                answers[PAGES - 1]);
        System.out.printf(
                Locale.ROOT,
                "  a summary: %.0f ms, %d sentences from %d pages%n",
                summarized,
                summary.citations().size(),
                summary.citations().stream().map(c -> c.page()).distinct().count());
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    /** 100 pages of a regional budget report, each region's figures on its own page. */
    private static String document() {
        StringBuilder text = new StringBuilder("# Running header: Regional budget report 2025\n");
        String[] topics = {"schools", "roads", "hospitals", "parks", "libraries"};
        for (int page = 1; page <= PAGES; page++) {
            text.append("## Page ").append(page).append('\n');
            text.append("Region ").append(page).append(" overview\n\n");
            for (String topic : topics) {
                text.append("Region ")
                        .append(page)
                        .append(" spent ")
                        .append(page * 7 % 90 + 10)
                        .append('.')
                        .append(page % 10)
                        .append(" million euros on ")
                        .append(topic)
                        .append(" in 2025, after a public consultation that lasted ")
                        .append(page % 12 + 2)
                        .append(" weeks and drew comments from residents across the district.\n\n");
            }
            text.append("The regional council of region ")
                    .append(page)
                    .append(" will review the spending plan at its meeting on ")
                    .append(page % 28 + 1)
                    .append(" March 2026, and any changes will be published in the official gazette.\n\n");
        }
        return text.toString();
    }

    private ChatBench() {}
}
