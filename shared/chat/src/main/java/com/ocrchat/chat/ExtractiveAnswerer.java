package com.ocrchat.chat;

import com.ocrchat.conversation.ChatMessage;
import com.ocrchat.conversation.Citation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The built-in answerer, used when no model provider is configured: it answers with the sentences of
 * the retrieved passages that best cover the question's words, quoted exactly, each with its page. It
 * never writes text of its own; when the passages do not cover most of the question, it says the
 * document does not contain the answer.
 */
public final class ExtractiveAnswerer implements AnswerProvider {
    static final String NOT_FOUND = "The document does not contain an answer to that question.";
    private static final int MOST_SENTENCES = 3;

    @Override
    public Answer answer(String question, List<ChatMessage> earlier, List<Passage> passages) {
        Set<String> wanted = terms(question);
        if (wanted.isEmpty()) {
            return new Answer(NOT_FOUND, List.of());
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < passages.size(); rank++) {
            for (String sentence : sentences(passages.get(rank).text())) {
                Set<String> covered = terms(sentence);
                covered.retainAll(wanted);
                if (!covered.isEmpty()) {
                    candidates.add(new Candidate(passages.get(rank).page(), sentence, covered));
                }
            }
        }
        // Greedy cover: each pick adds the most question words not yet covered; candidates come in passage
        // rank order, so on a tie the better-ranked passage wins.
        Set<String> covered = new LinkedHashSet<>();
        List<Candidate> picked = new ArrayList<>();
        while (picked.size() < MOST_SENTENCES) {
            Candidate best = null;
            int bestGain = 0;
            for (Candidate candidate : candidates) {
                Set<String> gain = new LinkedHashSet<>(candidate.terms());
                gain.removeAll(covered);
                if (gain.size() > bestGain) {
                    best = candidate;
                    bestGain = gain.size();
                }
            }
            if (best == null || bestGain == 0) {
                break;
            }
            picked.add(best);
            covered.addAll(best.terms());
        }
        if (covered.size() * 2 < wanted.size() || picked.isEmpty()) {
            return new Answer(NOT_FOUND, List.of());
        }
        List<Citation> citations = new ArrayList<>();
        StringBuilder content = new StringBuilder("From the document:");
        for (Candidate candidate : picked) {
            content.append("\n\"")
                    .append(candidate.sentence())
                    .append("\" (p. ")
                    .append(candidate.page())
                    .append(')');
            citations.add(new Citation(candidate.page(), candidate.sentence()));
        }
        return new Answer(content.toString(), citations);
    }

    private record Candidate(int page, String sentence, Set<String> terms) {}

    /** Lines of the OCR'd text, further cut at sentence ends: the units quoted. */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (String sentence : line.split("(?<=[.!?])\\s+(?=\\p{Lu})")) {
                if (!sentence.isBlank()) {
                    sentences.add(sentence.strip());
                }
            }
        }
        return sentences;
    }

    /** The words that matter, as the index sees them: stop words dropped, stemmed (so "moved" meets "move"). */
    static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = PassageIndex.ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
