package com.ocrchat.testing;

import com.ocrchat.error.RecognitionFailure;
import com.ocrchat.error.UnsupportedDocument;
import com.ocrchat.job.DocumentReader;
import com.ocrchat.job.JobRecord;
import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.Word;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The do-nothing engine: a "document" is UTF-8 text starting with {@code TEXT:}, pages separated by form
 * feeds, and reading a page is taking its text as one block of words at confidence 1. A page whose text
 * is {@code CORRUPT} cannot be read (a client's fault, as a broken page of a real file is); a page whose text is
 * {@code SLOW} takes two seconds (stopping early, unread, when its reading is given up). So the whole job flow runs in
 * milliseconds, without Tesseract.
 */
public final class TextDocuments implements DocumentReader {
    public static final String CORRUPT = "CORRUPT";
    public static final String SLOW = "SLOW";
    private static final String MAGIC = "TEXT:";

    private final AtomicInteger pagesRead = new AtomicInteger();

    /** A document of these pages. */
    public static byte[] of(String... pages) {
        return (MAGIC + String.join("\f", pages)).getBytes(StandardCharsets.UTF_8);
    }

    /** How many pages have been read, over every document (a page read twice counts twice). */
    public int pagesRead() {
        return pagesRead.get();
    }

    @Override
    public OpenDocument open(byte[] bytes) {
        String content = new String(bytes, StandardCharsets.UTF_8);
        if (!content.startsWith(MAGIC)) {
            throw new UnsupportedDocument("Unsupported or unrecognized file type", Map.of("supported_types", "TEXT"));
        }
        List<String> pages = Arrays.asList(content.substring(MAGIC.length()).split("\f", -1));
        return new OpenDocument() {
            private final List<Page> finished = new ArrayList<>();

            @Override
            public String mediaType() {
                return "text/plain";
            }

            @Override
            public String extension() {
                return "txt";
            }

            @Override
            public int pageCount() {
                return pages.size();
            }

            @Override
            public List<Page> read(JobRecord job, String models, int from, int to) {
                List<Page> read = new ArrayList<>();
                for (int index = from; index < to; index++) {
                    if (pages.get(index).equals(CORRUPT)) {
                        throw UnsupportedDocument.onPage(
                                index + 1, "of the document is corrupt and cannot be read", null);
                    }
                    if (pages.get(index).equals(SLOW)) {
                        takeTwoSeconds(index);
                    }
                    pagesRead.incrementAndGet();
                    read.add(page(index, pages.get(index)));
                    finished.add(read.get(read.size() - 1));
                }
                return read;
            }

            @Override
            public int pagesRead() {
                return finished.size();
            }

            @Override
            public List<Page> finishedPages() {
                return List.copyOf(finished);
            }

            @Override
            public void close() {}
        };
    }

    private static void takeTwoSeconds(int index) {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecognitionFailure("Stopped: page " + (index + 1) + " was given up");
        }
    }

    @Override
    public Optional<String> detectLanguage(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of("en");
    }

    private static Page page(int index, String text) {
        List<Word> words = new ArrayList<>();
        int x = 0;
        for (String word : text.split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(new Word(word, new int[] {x, 0, x + 10 * word.length(), 20}, 1.0));
                x += 10 * word.length() + 10;
            }
        }
        List<Block> blocks = words.isEmpty() ? List.of() : List.of(new Block(text, Word.union(words), 1.0, words));
        return new Page(index, Math.max(1, x), 20, text, blocks);
    }
}
