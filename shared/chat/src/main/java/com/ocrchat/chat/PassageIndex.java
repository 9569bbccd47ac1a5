package com.ocrchat.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A job's sentences ({@link Sentences}) in an in-memory Lucene index, ranked with BM25 (Lucene's default
 * similarity). A sentence belongs to one page and one paragraph; the paragraph is its context for a model.
 */
public final class PassageIndex {
    private static final int MAX_QUERY_TERMS = 256;

    /** English stemming; Lucene's stop words plus the words questions are made of ("how much did ..."). */
    static final Analyzer ANALYZER = new EnglishAnalyzer(questionStopWords());

    /** A sentence (its position in the document) and how well it matched. */
    public record Hit(Sentence sentence, int position, float score) {}

    private final List<Sentence> sentences;
    private final int pageCount;
    private final Set<String> everywhere;
    private final IndexSearcher searcher;
    private volatile List<Sentence> summary;

    private PassageIndex(List<Sentence> sentences, int pageCount, Set<String> everywhere, IndexSearcher searcher) {
        this.sentences = sentences;
        this.pageCount = pageCount;
        this.everywhere = everywhere;
        this.searcher = searcher;
    }

    private static CharArraySet questionStopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        words.addAll(List.of(
                "what",
                "which",
                "who",
                "whom",
                "whose",
                "when",
                "where",
                "why",
                "how",
                "much",
                "many",
                "did",
                "does",
                "do",
                "done",
                "is",
                "was",
                "were",
                "has",
                "have",
                "had",
                "can",
                "could",
                "would",
                "should",
                "may",
                "might",
                "please",
                "tell",
                "me",
                "my",
                "i",
                "you",
                "your",
                "we",
                "our",
                "about",
                "document",
                "say",
                "says",
                "said",
                "any",
                "some",
                "from",
                "its",
                "it's",
                "there",
                "been",
                "being",
                "am",
                // verbs any question may use, which say nothing of its subject
                "make",
                "made",
                "get",
                "got",
                "give",
                "take",
                "need",
                "want",
                "know",
                "find",
                "happen",
                // the measure a "how ..." question asks for, not its subject
                "often",
                "long",
                "far",
                "soon",
                "old"));
        return words;
    }

    /**
     * The index of {@code sentences}; the words of {@code runningLines} (the headers and footers left out of them,
     * such as the document's own name) count as said on every page.
     */
    public static PassageIndex of(List<Sentence> sentences, List<String> runningLines, int pageCount) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
            for (int i = 0; i < sentences.size(); i++) {
                Document document = new Document();
                document.add(new TextField("text", sentences.get(i).text(), Field.Store.NO));
                document.add(new StoredField("id", i));
                writer.addDocument(document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Set<String> everywhere = new HashSet<>();
            runningLines.forEach(line -> everywhere.addAll(ExtractiveAnswerer.terms(line)));
            return new PassageIndex(
                    List.copyOf(sentences), pageCount, everywhere, new IndexSearcher(DirectoryReader.open(directory)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How telling a (stemmed) term is in this document: the log of sentences per sentence holding it, as BM25's
     * idf; a term no sentence holds counts as if one did, the most telling of all; a term of the running headers as
     * if every sentence did.
     */
    public double idf(String term) {
        try {
            int holding = everywhere.contains(term)
                    ? sentences.size()
                    : searcher.getIndexReader().docFreq(new org.apache.lucene.index.Term("text", term));
            return Math.log((sentences.size() + 1.0) / Math.max(1, holding));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether any sentence (or a running header) holds the stemmed term, or a longer one it begins (the stemmer
     * makes "succe" of "succeed" and "succeed" of "succeeded").
     */
    public boolean uses(String term) {
        try {
            org.apache.lucene.index.Term indexed = new org.apache.lucene.index.Term("text", term);
            return everywhere.contains(term)
                    || searcher.getIndexReader().docFreq(indexed) > 0
                    || (term.length() >= 4 && searcher.count(new org.apache.lucene.search.PrefixQuery(indexed)) > 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether at most one sentence holds the term (and no running header). */
    public boolean rare(String term) {
        try {
            return !everywhere.contains(term)
                    && searcher.getIndexReader().docFreq(new org.apache.lucene.index.Term("text", term)) <= 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether some sentence holds both terms (a running header's term goes with any). */
    public boolean together(String term, String other) {
        if (everywhere.contains(term) || everywhere.contains(other) || term.equals(other)) {
            return true;
        }
        try {
            return searcher.count(new org.apache.lucene.search.BooleanQuery.Builder()
                            .add(
                                    new org.apache.lucene.search.TermQuery(
                                            new org.apache.lucene.index.Term("text", term)),
                                    org.apache.lucene.search.BooleanClause.Occur.MUST)
                            .add(
                                    new org.apache.lucene.search.TermQuery(
                                            new org.apache.lucene.index.Term("text", other)),
                                    org.apache.lucene.search.BooleanClause.Occur.MUST)
                            .build())
                    > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's extractive summary, made on first use and kept with the index. */
    List<Sentence> summary() {
        List<Sentence> made = summary;
        if (made == null) {
            made = Summaries.of(sentences);
            summary = made;
        }
        return made;
    }

    /** Every sentence, in reading order. */
    public List<Sentence> sentences() {
        return sentences;
    }

    /** Each page's text as the sentences give it (hyphenation undone, running headers left out), page 1 first. */
    public List<String> pageTexts() {
        List<StringBuilder> pages = new ArrayList<>();
        for (int i = 0; i < pageCount; i++) {
            pages.add(new StringBuilder());
        }
        for (Sentence sentence : sentences) {
            if (sentence.page() <= pageCount) {
                pages.get(sentence.page() - 1).append(sentence.text()).append(' ');
            }
        }
        return pages.stream().map(StringBuilder::toString).toList();
    }

    /** The paragraph a sentence stands in, as one passage of its page. */
    public Passage paragraph(Sentence sentence) {
        StringBuilder text = new StringBuilder();
        for (Sentence other : sentences) {
            if (other.paragraph() == sentence.paragraph()) {
                text.append(text.isEmpty() ? "" : " ").append(other.text());
            }
        }
        return new Passage(sentence.page(), text.toString());
    }

    /** The best {@code limit} sentences for the question, best first; none when no word of it occurs. */
    public List<Hit> search(String question, int limit) {
        // Each distinct term once, as a SHOULD clause: no query syntax to trip on, and within Lucene's clause limit.
        Set<String> terms = ExtractiveAnswerer.terms(question);
        if (terms.isEmpty() || sentences.isEmpty()) {
            return List.of();
        }
        org.apache.lucene.search.BooleanQuery.Builder query = new org.apache.lucene.search.BooleanQuery.Builder();
        terms.stream()
                .limit(MAX_QUERY_TERMS)
                .forEach(term -> query.add(
                        new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("text", term)),
                        org.apache.lucene.search.BooleanClause.Occur.SHOULD));
        try {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query.build(), limit).scoreDocs) {
                int id = searcher.storedFields()
                        .document(hit.doc)
                        .getField("id")
                        .numericValue()
                        .intValue();
                hits.add(new Hit(sentences.get(id), id, hit.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
