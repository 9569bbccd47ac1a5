package com.ocrchat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.model.ModelClient;
import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The model path's retrieval: a question gets the paragraphs of the best sentences; "summarize" on a long document
 * is a map-reduce, each run of pages summarized by its own call, then one call combining them with the sentences
 * the partial summaries cite. The model here is a stand-in that cites the first sentence it is shown.
 */
class ModelAnswererTest {
    private static final Pattern FIRST_PASSAGE = Pattern.compile("\\[p\\. (\\d+)\\] ([^.]+\\.)");

    private final List<String> prompts = Collections.synchronizedList(new ArrayList<>());
    private final ModelClient model = prompt -> {
        String user = prompt.turns().get(prompt.turns().size() - 1).text();
        prompts.add(user);
        Matcher first = FIRST_PASSAGE.matcher(user);
        first.find();
        return new ModelClient.Reply(
                "{\"answer\": \"" + first.group(2).replaceAll("\\.$", "") + " (p. " + first.group(1)
                        + ").\", \"citations\": [{\"page\": "
                        + first.group(1) + ", \"snippet\": \"" + first.group(2) + "\"}]}",
                false);
    };

    @Test
    void aLongDocumentIsSummarizedPageRunByPageRunThenCombined() {
        PassageIndex document = document(30, 900);

        Citations.Grounded summary =
                ChatService.answer(document, new ModelAnswerer(model), "Summarize this document", List.of());

        int runs = (int) Math.ceil(30 * 900.0 / ModelAnswerer.CHARS_PER_CALL);
        assertEquals(runs + 1, prompts.size(), "one call per run of pages, then one to combine: " + prompts.size());
        String combine = prompts.stream()
                .filter(p -> p.contains("(a summary of nearby pages)"))
                .findFirst()
                .orElseThrow();
        assertTrue(combine.contains("[p. 1] Page 1 sets out the plan for region 1."), combine);
        assertTrue(summary.citations().size() == 1 && summary.citations().get(0).page() >= 1, summary.toString());
    }

    @Test
    void aHundredPageSummaryTakesAtMostEightCallsAndOneToCombine() {
        ChatService.answer(document(100, 3000), new ModelAnswerer(model), "Summarize this document", List.of());
        assertTrue(prompts.size() <= ModelAnswerer.MOST_RUNS + 2, "calls: " + prompts.size());
    }

    @Test
    void aQuestionGetsTheParagraphsOfTheBestSentencesInOneCall() {
        PassageIndex document = document(30, 900);

        ChatService.answer(document, new ModelAnswerer(model), "What is the plan for region 17?", List.of());

        assertEquals(1, prompts.size());
        assertTrue(prompts.get(0).contains("[p. 17] Page 17 sets out the plan for region 17."), prompts.get(0));
        assertTrue(prompts.get(0).length() < 6 * 1000, "a few paragraphs, not the document");
    }

    /** {@code pages} pages of about {@code chars} characters, each opening with what it is about. */
    private static PassageIndex document(int pages, int chars) {
        List<Page> laidOut = new ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            StringBuilder text = new StringBuilder("Page " + i + " sets out the plan for region " + i + ".");
            while (text.length() < chars) {
                text.append(" The committee reviewed budget line ")
                        .append(text.length())
                        .append(" in detail.");
            }
            laidOut.add(new Page(
                    i - 1,
                    100,
                    100,
                    text.toString(),
                    List.of(new Block(text.toString(), new int[] {0, 0, 1, 1}, 0.9, List.of()))));
        }
        Sentences.Split split = Sentences.of(laidOut, "en");
        return PassageIndex.of(split.sentences(), split.runningLines(), pages);
    }
}
