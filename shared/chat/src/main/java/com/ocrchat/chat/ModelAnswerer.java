package com.ocrchat.chat;

import com.ocrchat.conversation.ChatMessage;
import com.ocrchat.conversation.Citation;
import com.ocrchat.model.ModelClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Answers through a language model (Bedrock or an OpenAI-compatible endpoint) that sees only what retrieval found:
 * the paragraphs of the best sentences, each with its page. A summary of a long document is a map-reduce: each run
 * of pages summarized on its own (in parallel), then the partial summaries and the sentences they cite combined.
 */
public final class ModelAnswerer implements AnswerProvider {
    /** The text one model call is given at most, for a summary's pages. */
    static final int CHARS_PER_CALL = 12_000;

    private static final int PARALLEL_CALLS = 4;
    /** Summary calls at most, so a long document's summary fits the chat's 30 s (each page is then cut shorter). */
    static final int MOST_RUNS = 8;

    private final ModelClient model;

    public ModelAnswerer(ModelClient model) {
        this.model = model;
    }

    @Override
    public Answer answer(String question, List<ChatMessage> earlier, Retrieved retrieved) {
        if (Questions.asksForSummary(question)) {
            return summary(question, earlier, pages(retrieved.document()));
        }
        return ask(question, earlier, retrieved.paragraphs());
    }

    private Answer ask(String question, List<ChatMessage> earlier, List<Passage> passages) {
        List<ModelClient.Turn> turns = new ArrayList<>();
        for (ChatMessage turn : earlier) {
            turns.add(new ModelClient.Turn(
                    ChatMessage.USER.equals(turn.role()) ? ModelClient.USER : ModelClient.ASSISTANT, turn.content()));
        }
        turns.add(new ModelClient.Turn(ModelClient.USER, GroundedPrompt.question(question, passages)));
        return GroundedPrompt.parse(model.complete(new ModelClient.Prompt(GroundedPrompt.SYSTEM, turns, null, 1000))
                .text());
    }

    /** The whole document when it fits one call; else its runs of pages summarized first, then combined. */
    private Answer summary(String question, List<ChatMessage> earlier, List<Passage> pages) {
        List<List<Passage>> runs = runs(pages);
        if (runs.size() == 1) {
            return ask(question, earlier, pages);
        }
        ExecutorService callers = Executors.newFixedThreadPool(Math.min(PARALLEL_CALLS, runs.size()));
        try {
            List<Future<Answer>> partial = new ArrayList<>();
            for (List<Passage> run : runs) {
                partial.add(callers.submit(
                        () -> ask("Summarize these pages in two or three sentences, citing them.", List.of(), run)));
            }
            List<Passage> combined = new ArrayList<>();
            for (Future<Answer> future : partial) {
                Answer answer = future.get();
                for (Citation citation : answer.citations()) {
                    combined.add(new Passage(citation.page(), citation.snippet()));
                }
                combined.add(new Passage(
                        answer.citations().isEmpty()
                                ? 1
                                : answer.citations().get(0).page(),
                        "(a summary of nearby pages) " + answer.content()));
            }
            return ask(question, earlier, combined);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while summarizing", e);
        } finally {
            callers.shutdownNow();
        }
    }

    /** Each page's text as one passage. */
    private static List<Passage> pages(PassageIndex document) {
        Map<Integer, StringBuilder> pages = new LinkedHashMap<>();
        for (Sentence sentence : document.sentences()) {
            StringBuilder page = pages.computeIfAbsent(sentence.page(), p -> new StringBuilder());
            page.append(page.isEmpty() ? "" : " ").append(sentence.text());
        }
        List<Passage> passages = new ArrayList<>();
        pages.forEach((page, text) -> passages.add(new Passage(page, text.toString())));
        return passages;
    }

    /**
     * Consecutive pages, as many as fit one call; a page is cut to fit one call, and, in a document longer than
     * {@link #MOST_RUNS} calls take, to its share of them (its first sentences).
     */
    private static List<List<Passage>> runs(List<Passage> pages) {
        int total = pages.stream().mapToInt(page -> page.text().length()).sum();
        int perPage = total > CHARS_PER_CALL * MOST_RUNS ? CHARS_PER_CALL * MOST_RUNS / pages.size() : CHARS_PER_CALL;
        List<List<Passage>> runs = new ArrayList<>();
        List<Passage> run = new ArrayList<>();
        int chars = 0;
        for (Passage page : pages) {
            Passage fitting = page.text().length() > perPage
                    ? new Passage(
                            page.page(),
                            page.text().substring(0, Math.max(1, page.text().lastIndexOf(' ', perPage))))
                    : page;
            if (!run.isEmpty() && chars + fitting.text().length() > CHARS_PER_CALL) {
                runs.add(run);
                run = new ArrayList<>();
                chars = 0;
            }
            run.add(fitting);
            chars += fitting.text().length();
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }
}
