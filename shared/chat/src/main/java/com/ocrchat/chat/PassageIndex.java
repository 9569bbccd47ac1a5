package com.ocrchat.chat;

import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A job's passages in an in-memory Lucene index, ranked with BM25 (Lucene's default similarity).
 * A passage is one block, or several small consecutive blocks of the same page up to about
 * {@value #PASSAGE_CHARS} characters, so every passage belongs to exactly one page.
 */
public final class PassageIndex {
    static final int PASSAGE_CHARS = 600;
    /** English stemming; Lucene's stop words plus the words questions are made of ("how much did ..."). */
    static final Analyzer ANALYZER = new EnglishAnalyzer(questionStopWords());

    /** A passage and how well it matched. */
    public record Hit(Passage passage, float score) {}

    private final List<Passage> passages;
    private final IndexSearcher searcher;

    private PassageIndex(List<Passage> passages, IndexSearcher searcher) {
        this.passages = passages;
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
                "am"));
        return words;
    }

    public static PassageIndex of(List<Page> pages) {
        List<Passage> passages = split(pages);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
            for (int i = 0; i < passages.size(); i++) {
                Document document = new Document();
                document.add(new TextField("text", passages.get(i).text(), Field.Store.NO));
                document.add(new StoredField("id", i));
                writer.addDocument(document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new PassageIndex(passages, new IndexSearcher(DirectoryReader.open(directory)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Passage> split(List<Page> pages) {
        List<Passage> passages = new ArrayList<>();
        for (Page page : pages) {
            StringBuilder current = new StringBuilder();
            for (Block block : page.blocks()) {
                if (!current.isEmpty() && current.length() + block.text().length() > PASSAGE_CHARS) {
                    passages.add(new Passage(page.index() + 1, current.toString()));
                    current.setLength(0);
                }
                if (!current.isEmpty()) {
                    current.append('\n');
                }
                current.append(block.text());
            }
            if (!current.isEmpty()) {
                passages.add(new Passage(page.index() + 1, current.toString()));
            }
        }
        return passages;
    }

    /** The best {@code limit} passages for the question, best first; none when no word of it occurs. */
    public List<Hit> search(String question, int limit) {
        String escaped = QueryParser.escape(question);
        if (escaped.isBlank() || passages.isEmpty()) {
            return List.of();
        }
        try {
            QueryParser parser = new QueryParser("text", ANALYZER);
            parser.setDefaultOperator(QueryParser.Operator.OR);
            Query query = parser.parse(escaped);
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
                int id = searcher.storedFields()
                        .document(hit.doc)
                        .getField("id")
                        .numericValue()
                        .intValue();
                hits.add(new Hit(passages.get(id), hit.score));
            }
            return hits;
        } catch (org.apache.lucene.queryparser.classic.ParseException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
