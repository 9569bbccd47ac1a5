package com.ocrchat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.conversation.Citation;
import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extractive answerer on three multi-page documents laid out as OCR gives them (lines wrapped with
 * hyphenated words, a running header and a page number on every page), with 34 questions: answers, pages,
 * whole-sentence snippets, refusals and summaries. It prints the figures the README reports, asserts floors
 * under them, and the exact answers of a few.
 */
class ChatEvaluationTest {
    private static final Map<String, PassageIndex> DOCUMENTS = new HashMap<>();
    private static final ExtractiveAnswerer ANSWERER = new ExtractiveAnswerer();

    record Question(String document, String question, String expected, int page) {}

    @BeforeAll
    static void index() {
        for (String name : List.of("resolution", "report", "manual")) {
            List<Page> pages = laidOut(resource(name + ".txt"));
            Sentences.Split split = Sentences.of(pages, "en");
            DOCUMENTS.put(name, PassageIndex.of(split.sentences(), split.runningLines(), pages.size()));
        }
    }

    @Test
    void theQuestionSetIsAnsweredQuotedAndRefusedAsItShouldBe() {
        int answerable = 0, containsPhrase = 0, rightPage = 0, refusable = 0, refused = 0, wronglyRefused = 0;
        int summaries = 0, goodSummaries = 0, snippets = 0, wholeSentences = 0;
        List<String> misses = new ArrayList<>();
        for (Question q : questions()) {
            Citations.Grounded answer = ask(q.document(), q.question());
            for (Citation citation : answer.citations()) {
                snippets++;
                wholeSentences += wholeSentence(citation.snippet()) ? 1 : 0;
                if (!wholeSentence(citation.snippet())) {
                    misses.add("not a whole sentence: " + citation.snippet());
                }
            }
            if (q.expected().equals("-")) {
                refusable++;
                boolean ok = answer.content().equals(ExtractiveAnswerer.NOT_FOUND)
                        && answer.citations().isEmpty();
                refused += ok ? 1 : 0;
                if (!ok) {
                    misses.add("not refused: " + q.question() + " -> " + answer.content());
                }
            } else if (q.expected().equals("SUMMARY")) {
                summaries++;
                long pages = answer.citations().stream()
                        .map(Citation::page)
                        .distinct()
                        .count();
                int cited = answer.citations().size();
                boolean ok = cited >= 3 && cited <= 7 && pages > 1;
                goodSummaries += ok ? 1 : 0;
                if (!ok) {
                    misses.add("summary: " + q.question() + " -> " + answer.content());
                }
            } else {
                answerable++;
                boolean contains = answer.content()
                        .toLowerCase(Locale.ROOT)
                        .contains(q.expected().toLowerCase(Locale.ROOT));
                boolean page = answer.citations().stream().anyMatch(c -> c.page() == q.page());
                containsPhrase += contains ? 1 : 0;
                rightPage += page ? 1 : 0;
                wronglyRefused += answer.content().equals(ExtractiveAnswerer.NOT_FOUND) ? 1 : 0;
                if (!contains || !page) {
                    misses.add("missed: " + q.question() + " -> " + answer.content());
                }
            }
        }
        System.out.printf(
                "Chat evaluation (extractive answerer, %d questions over %d documents):%n"
                        + "  answer holds the expected phrase   %d/%d%n"
                        + "  the right page cited               %d/%d%n"
                        + "  snippets that are whole sentences  %d/%d%n"
                        + "  unanswerable questions refused     %d/%d (answerable ones refused: %d)%n"
                        + "  summaries of 3-7 sentences, >1 page %d/%d%n",
                questions().size(),
                DOCUMENTS.size(),
                containsPhrase,
                answerable,
                rightPage,
                answerable,
                wholeSentences,
                snippets,
                refused,
                refusable,
                wronglyRefused,
                summaries,
                goodSummaries,
                summaries);
        misses.forEach(miss -> System.out.println("  " + miss));
        assertTrue(containsPhrase * 10 >= answerable * 9, "answers holding the phrase: " + misses);
        assertTrue(rightPage * 10 >= answerable * 9, "right pages: " + misses);
        assertEquals(snippets, wholeSentences, "every snippet a whole sentence");
        assertEquals(refusable, refused, "every unanswerable question refused: " + misses);
        assertEquals(summaries, goodSummaries, "summaries: " + misses);
    }

    @Test
    void theIssuesOwnQuestionsGetTheSentenceThatAnswersThem() {
        assertEquals(
                "From the document:\n\"Requests the Secretary-General to submit the standard administrative"
                        + " procedures to the Economic and Social Council at its spring session in 1990;\" (p. 2)",
                ask("resolution", "When should the Secretary-General submit the standard administrative procedures?")
                        .content());
        Citations.Grounded urge = ask("resolution", "What does the Assembly urge Member States to do?");
        assertTrue(
                urge.content()
                        .startsWith("From the document:\n\"Urges all Member States to make every possible"
                                + " effort to increase their contributions to the operational activities of the United Nations"
                                + " system on a predictable, continuous and assured basis;\" (p. 1)"),
                urge.content());
        assertEquals(
                "From the document:\n\"The water tank holds 1.8 litres, enough for about twelve cups.\" (p. 2)",
                ask("manual", "How much water does the tank hold?").content());
        Citations.Grounded none = ask("report", "Who audited the financial statements?");
        assertEquals(ExtractiveAnswerer.NOT_FOUND, none.content());
        assertEquals(List.of(), none.citations());
    }

    @Test
    void noSnippetEndsInALineEndHyphenAndRunningHeadersAreNotQuoted() {
        for (PassageIndex document : DOCUMENTS.values()) {
            for (Sentence sentence : document.sentences()) {
                assertTrue(!sentence.text().endsWith("-"), sentence.text());
                assertTrue(!sentence.text().contains("- "), "hyphenation undone: " + sentence.text());
                assertTrue(!sentence.text().startsWith("A/RES/44/211"), sentence.text());
            }
        }
    }

    private static Citations.Grounded ask(String document, String question) {
        return ChatService.answer(DOCUMENTS.get(document), ANSWERER, question, List.of());
    }

    /** A sentence as quoted: it starts as a sentence starts and ends as one ends, not mid-word. */
    static boolean wholeSentence(String snippet) {
        return snippet.matches("^[\\p{Lu}\\p{N}\"“(].*") && snippet.matches(".*[.!?;:,\"”)]$");
    }

    private static List<Question> questions() {
        List<Question> questions = new ArrayList<>();
        for (String line : resource("questions.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            questions.add(new Question(fields[0], fields[1], fields[2], Integer.parseInt(fields[3])));
        }
        return questions;
    }

    /**
     * The text as OCR lays it out: a block per paragraph, lines of at most 60 characters, a long word at a line's
     * end hyphenated across it, the running header atop every page and its number at the bottom.
     */
    static List<Page> laidOut(String text) {
        String header = null;
        List<Page> pages = new ArrayList<>();
        List<Block> blocks = null;
        for (String paragraph : text.split("\n(?=## )|\n\n")) {
            if (paragraph.startsWith("# Running header: ")) {
                String[] lines = paragraph.split("\n", 2);
                header = lines[0].substring("# Running header: ".length());
                paragraph = lines.length > 1 ? lines[1] : "";
            }
            if (paragraph.startsWith("## Page")) {
                if (blocks != null) {
                    pages.add(page(pages.size(), blocks));
                }
                blocks = new ArrayList<>();
                blocks.add(block(header));
                String[] lines = paragraph.split("\n", 2);
                paragraph = lines.length > 1 ? lines[1] : "";
            }
            if (!paragraph.isBlank()) {
                blocks.add(block(wrap(paragraph.strip())));
            }
        }
        pages.add(page(pages.size(), blocks));
        return pages;
    }

    private static Page page(int index, List<Block> blocks) {
        List<Block> all = new ArrayList<>(blocks);
        all.add(block(Integer.toString(index + 1)));
        return new Page(
                index,
                2480,
                3508,
                String.join("\n\n", all.stream().map(Block::text).toList()),
                all);
    }

    private static Block block(String text) {
        return new Block(text, new int[] {0, 0, 10, 10}, 0.9, List.of());
    }

    private static String wrap(String paragraph) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : paragraph.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > 60) {
                int room = 60 - lineLength - 2;
                if (word.length() >= 9 && room >= 4 && Character.isLowerCase(word.charAt(room))) {
                    out.append(' ').append(word, 0, room).append("-\n").append(word.substring(room));
                    lineLength = word.length() - room;
                    continue;
                }
                out.append('\n').append(word);
                lineLength = word.length();
            } else {
                out.append(lineLength > 0 ? " " : "").append(word);
                lineLength += (lineLength > 0 ? 1 : 0) + word.length();
            }
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = ChatEvaluationTest.class.getResourceAsStream("/eval/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
