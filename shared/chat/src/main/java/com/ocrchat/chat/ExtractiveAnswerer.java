package com.ocrchat.chat;

import com.ocrchat.conversation.ChatMessage;
import com.ocrchat.conversation.Citation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The built-in answerer, used when no model provider is configured. It never writes text of its own: it quotes
 * whole sentences of the document, each with its page. For a question it leads with the sentence most likely to
 * hold the answer (the question's words weighted by how telling they are, how close together they stand, BM25, and
 * whether the sentence holds the kind of thing asked for: a date for "when", an amount for "how much"...), then
 * up to two more that answer the rest of the question or answer it nearly as well. For
 * "summarize" it gives the document's most central sentences ({@link Summaries}). When no sentence covers most of
 * the question, it says the document does not contain the answer, citing nothing.
 */
public final class ExtractiveAnswerer implements AnswerProvider {
    static final String NOT_FOUND = "The document does not contain an answer to that question.";
    private static final int MOST_SENTENCES = 3;
    /** A further sentence is quoted when it scores at least this share of the best. */
    private static final double NEARLY_AS_GOOD = 0.85;
    /** The share of the question (weighted by idf) a sentence must hold to answer it. */
    private static final double ENOUGH = 0.4;
    /** A question whose words weigh less than this (idf) asks nothing this document says in particular. */
    private static final double SPECIFIC = 1.0;

    @Override
    public Answer answer(String question, List<ChatMessage> earlier, Retrieved retrieved) {
        if (Questions.asksForSummary(question)) {
            return quoted("In summary, the document says:", retrieved.document().summary());
        }
        Set<String> wanted = terms(question);
        // "What is the warranty period?" of "a two-year warranty": the word for what is asked may be missing, and then
        // the sentence must hold that kind of thing instead.
        boolean askedForUnsaid = wanted.removeIf(
                term -> ASKED_FOR.contains(term) && !retrieved.document().uses(term));
        if (wanted.isEmpty() || retrieved.hits().isEmpty()) {
            return new Answer(NOT_FOUND, List.of());
        }
        java.util.Set<Questions.Kind> kinds = Questions.kinds(question);
        float topScore = retrieved.hits().get(0).score();
        PassageIndex document = retrieved.document();
        Set<String> unanswerable = unanswerable(question, document);
        double asked = wanted.stream().mapToDouble(document::idf).sum();
        if (asked < SPECIFIC) {
            return new Answer(NOT_FOUND, List.of()); // only words said all over it ("where is the machine made?")
        }
        // What the document cannot speak to weighs against any sentence: it must say at least as much as that leaves
        // unsaid.
        double unsaid = unanswerable.stream()
                .filter(wanted::contains)
                .mapToDouble(document::idf)
                .sum();
        List<Scored> scored = new ArrayList<>();
        for (PassageIndex.Hit hit : retrieved.hits()) {
            if (!Sentences.isSentence(hit.sentence().text())) {
                continue; // a heading or a caption says nothing by itself
            }
            Set<String> covered = new LinkedHashSet<>(wanted);
            covered.retainAll(terms(hit.sentence().text()));
            covered.removeAll(unanswerable);
            // Weighted as BM25 weighs terms: the document's own name, said everywhere, answers little.
            double said = covered.stream().mapToDouble(document::idf).sum();
            double coverage = said / asked;
            boolean holdsTheKind =
                    kinds.stream().anyMatch(kind -> kind.foundIn(hit.sentence().text()));
            // Half of ENOUGH may answer a part of the question ("the total and the due date"); the lead needs ENOUGH.
            if (coverage < ENOUGH / 2 || said < unsaid || (askedForUnsaid && !kinds.isEmpty() && !holdsTheKind)) {
                continue; // whatever else it has, it does not answer this question
            }
            double score = coverage * 2
                    + hit.score() / topScore
                    + nearness(hit.sentence().text(), covered) * 0.5
                    + (holdsTheKind ? 1.0 : 0);
            scored.add(new Scored(hit.sentence(), coverage, score));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        Scored best = scored.stream()
                .filter(one -> one.coverage() >= ENOUGH)
                .findFirst()
                .orElse(null);
        if (best == null) {
            return new Answer(NOT_FOUND, List.of());
        }
        // Then what answers the rest of the question (its words the picks do not hold yet), or nearly as well.
        List<Sentence> picked = new ArrayList<>(List.of(best.sentence()));
        Set<String> answered = terms(best.sentence().text());
        for (Scored other : scored) {
            if (picked.size() == MOST_SENTENCES) {
                break;
            }
            Set<String> adds = terms(other.sentence().text());
            adds.retainAll(wanted);
            adds.removeAll(answered);
            if ((other.score() >= best.score() * NEARLY_AS_GOOD || !adds.isEmpty())
                    && !picked.contains(other.sentence())) {
                picked.add(other.sentence());
                answered.addAll(terms(other.sentence().text()));
            }
        }
        return quoted("From the document:", picked);
    }

    private record Scored(Sentence sentence, double coverage, double score) {}

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}'’-]+");

    /** Nouns that name what is asked for ("what number", "which date"): a document may hold one without the word. */
    private static final Set<String> ASKED_FOR = Set.of(
            "number",
            "date",
            "time",
            "day",
            "year",
            "name",
            "amount",
            "figur",
            "place",
            "person",
            "phone",
            "telephon",
            "period",
            "durat",
            "length");

    /**
     * The question's words the document cannot speak to: those it never uses, with the word each comes right before
     * in the question ("the chief financial officer" of a document without "financial" is not its chief operating
     * officer), and two rare neighbours it uses but never in one sentence ("the share price" of a report that has
     * shares and fuel prices).
     */
    private static Set<String> unanswerable(String question, PassageIndex document) {
        // The question's words in order; a stop word between two words leaves them apart (null).
        List<String> stems = new ArrayList<>();
        List<Boolean> lowercase = new ArrayList<>();
        java.util.regex.Matcher word = WORD.matcher(question);
        while (word.find()) {
            List<String> stem = tokens(word.group());
            stems.add(stem.isEmpty() ? null : stem.get(0));
            lowercase.add(word.group().equals(word.group().toLowerCase(java.util.Locale.ROOT)));
        }
        Set<String> unanswerable = new LinkedHashSet<>();
        for (int i = 0; i < stems.size(); i++) {
            String term = stems.get(i);
            if (term == null || (ASKED_FOR.contains(term) && !document.uses(term))) {
                continue;
            }
            String next = i + 1 < stems.size() ? stems.get(i + 1) : null;
            if (!document.uses(term)) {
                // A missing modifier makes the word it modifies another thing ("financial officer"); a missing verb
                // does not ("did revenue grow?" of "revenue grew").
                unanswerable.add(term);
                if (next != null) {
                    unanswerable.add(next);
                }
            } else if (next != null
                    && lowercase.get(i)
                    && lowercase.get(i + 1)
                    && document.uses(next)
                    && document.rare(term)
                    && document.rare(next)
                    && !document.together(term, next)) {
                // Two rare words in a row make a thing of their own ("share price"); a word the document says often
                // ("the invoice total" of an invoice) is its subject, not part of the thing asked.
                unanswerable.add(term);
                unanswerable.add(next);
            }
        }
        return unanswerable;
    }

    /** The sentences as quotations, each with its page and cited. */
    private static Answer quoted(String lead, List<Sentence> sentences) {
        if (sentences.isEmpty()) {
            return new Answer(NOT_FOUND, List.of());
        }
        StringBuilder content = new StringBuilder(lead);
        List<Citation> citations = new ArrayList<>();
        for (Sentence sentence : sentences) {
            content.append("\n\"")
                    .append(sentence.text())
                    .append("\" (p. ")
                    .append(sentence.page())
                    .append(')');
            citations.add(new Citation(sentence.page(), sentence.text()));
        }
        return new Answer(content.toString(), citations);
    }

    /** 1 when the question's words found in the sentence stand together, falling towards 0 as they spread. */
    private static double nearness(String sentence, Set<String> covered) {
        if (covered.size() < 2) {
            return covered.isEmpty() ? 0 : 1;
        }
        List<String> words = new ArrayList<>(tokens(sentence));
        int first = Integer.MAX_VALUE, last = -1;
        for (int i = 0; i < words.size(); i++) {
            if (covered.contains(words.get(i))) {
                first = Math.min(first, i);
                last = Math.max(last, i);
            }
        }
        return last < 0 ? 0 : Math.min(1.0, (double) covered.size() / (last - first + 1));
    }

    /** The words that matter, as the index sees them: stop words dropped, stemmed (so "moved" meets "move"). */
    static Set<String> terms(String text) {
        return new LinkedHashSet<>(tokens(text));
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = PassageIndex.ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
