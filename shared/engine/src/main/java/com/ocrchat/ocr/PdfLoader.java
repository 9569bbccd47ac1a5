package com.ocrchat.ocr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdfparser.XrefTrailerResolver;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * PDFBox's loader, less its repair of the page tree, on a thread of a deep stack. When a file's cross-reference table
 * must be rebuilt, PDFBox reads every object, then walks them all recursively, reference by reference: a flat outline
 * of 3,000 bookmarks overflowed a thread's usual 1 MB stack. 64 MB, reserved but touched only as deep as a walk goes,
 * takes chains of about 150,000 objects; a longer one is refused as corrupt. And its repair of the page tree removed
 * each unreadable kid from its array one at a time: a node of a million junk kids took minutes, before any budget of
 * ours could run. {@link PdfPageTree} walks every tree, rebuilt or not, skipping such kids itself.
 */
final class PdfLoader {
    private static final long STACK_BYTES = 64L * 1024 * 1024;

    /**
     * Entries PDFBox may hold in its maps of where objects lie, about 120 bytes of heap each: as much as one cross-
     * reference stream at its 8 MB limit lists, 2,000 objects for each of a 2,000-page file's pages.
     */
    static final long MOST_CROSS_REFERENCE_ENTRIES = 4_000_000;

    private PdfLoader() {}

    /** The document, its streams decoded within the calling thread's {@link DecodeBudget}. */
    static PDDocument load(byte[] bytes, StreamCacheCreateFunction streamCache) throws IOException {
        DecodeBudget budget = DecodeBudget.current();
        FutureTask<PDDocument> parse = new FutureTask<>(() -> budget.apply(() -> parse(bytes, streamCache)));
        Thread thread = new Thread(null, parse, "pdf-open", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        try {
            return parse.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the PDF was opened");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    private static PDDocument parse(byte[] bytes, StreamCacheCreateFunction streamCache) throws IOException {
        if (objectMarkers(bytes) > MOST_CROSS_REFERENCE_ENTRIES) {
            DecodeBudget.current().refuse(tooManyObjects());
        }
        RandomAccessReadBuffer source = new BudgetedSource(bytes);
        try {
            return new WithoutPageTreeRepair(source, streamCache).parse();
        } catch (IOException | RuntimeException | Error e) {
            source.close(); // on success the document owns it
            throw e;
        }
    }

    /**
     * The objects PDFBox's search of a damaged file could find ("N G obj", the generation a digit): it maps each, in a
     * map of its own and then ours, before any is read (2.5 million in a 64 MB file held 900 MB).
     */
    private static long objectMarkers(byte[] bytes) {
        long markers = 0;
        for (int i = 1; i + 3 < bytes.length; i++) {
            if (bytes[i + 1] == 'o'
                    && bytes[i + 2] == 'b'
                    && bytes[i + 3] == 'j'
                    && OperandPiles.isWhite(bytes[i])
                    && bytes[i - 1] >= '0'
                    && bytes[i - 1] <= '9') {
                markers++;
            }
        }
        return markers;
    }

    private static String tooManyObjects() {
        return String.format(
                java.util.Locale.ROOT, "its cross-references list more than %,d objects", MOST_CROSS_REFERENCE_ENTRIES);
    }

    private static final class WithoutPageTreeRepair extends PDFParser {
        WithoutPageTreeRepair(RandomAccessReadBuffer source, StreamCacheCreateFunction streamCache) throws IOException {
            super(source, "", null, null, streamCache);
            xrefTrailerResolver = new CountedCrossReferences(DecodeBudget.current());
        }

        /**
         * An object the file says its object stream holds and it does not: PDFBox parsed the whole stream to look, and
         * will again for the next. A filtered stream's decoding again is counted by {@link BoundedFilter}; an
         * unfiltered one, read as it lies, is counted here.
         */
        @Override
        protected COSBase parseObjectStreamObject(long objectStream, COSObjectKey key) throws IOException {
            DecodeBudget budget = DecodeBudget.current();
            budget.stopIfExceeded();
            COSBase found = super.parseObjectStreamObject(objectStream, key);
            if (found == null
                    && document.getObjectFromPool(new COSObjectKey(objectStream, 0))
                                    .getObject()
                            instanceof COSStream s
                    && s.getFilters() == null) {
                if (budget.decodedBefore(s)) {
                    budget.countStructure(s.getLength());
                }
            }
            return found;
        }

        @Override
        protected void checkPages(COSDictionary root) throws IOException {
            if (root.getCOSDictionary(COSName.PAGES) == null) {
                throw new IOException("Page tree root must be a dictionary"); // PDFBox's own check, kept
            }
        }
    }

    /**
     * PDFBox's map of where each object lies, refused past {@link #MOST_CROSS_REFERENCE_ENTRIES}. PDFBox maps every
     * entry a file lists, before any object is read: a 60 KB file chaining eight deflated cross-reference streams of 2.5
     * million entries each, and a 50 MB one of an unfiltered stream (which no filter counts), filled a 2 GB heap.
     */
    private static final class CountedCrossReferences extends XrefTrailerResolver {
        private final DecodeBudget budget;
        private long entries;

        CountedCrossReferences(DecodeBudget budget) {
            this.budget = budget;
        }

        @Override
        public void setXRef(COSObjectKey key, long offset) {
            if (++entries > MOST_CROSS_REFERENCE_ENTRIES) {
                refuse(budget);
            }
            super.setXRef(key, offset);
        }

        /**
         * The resolved map, into which PDFBox's search of a damaged file also puts every object its object streams
         * list (each up to 8 MB of them), counted the same way.
         */
        @Override
        public java.util.Map<COSObjectKey, Long> getXrefTable() {
            java.util.Map<COSObjectKey, Long> table = super.getXrefTable();
            return table == null ? null : new Counted(table, budget);
        }

        /** PDFBox clears the maps to rebuild them from a search of the whole file. */
        @Override
        protected void reset() {
            super.reset();
            entries = 0;
        }

        static void refuse(DecodeBudget budget) {
            try { // PDFBox calls this where it cannot throw IOException; PdfDocument reads the refusal's reason
                budget.refuse(tooManyObjects());
            } catch (IOException refused) {
                throw new UncheckedIOException(refused);
            }
        }
    }

    /** A map of where objects lie, refused past {@link #MOST_CROSS_REFERENCE_ENTRIES} entries. */
    private static final class Counted extends java.util.AbstractMap<COSObjectKey, Long> {
        private final java.util.Map<COSObjectKey, Long> table;
        private final DecodeBudget budget;

        Counted(java.util.Map<COSObjectKey, Long> table, DecodeBudget budget) {
            this.table = table;
            this.budget = budget;
        }

        @Override
        public Long put(COSObjectKey key, Long offset) {
            Long before = table.put(key, offset);
            if (table.size() > MOST_CROSS_REFERENCE_ENTRIES) {
                CountedCrossReferences.refuse(budget);
            }
            return before;
        }

        @Override
        public Long get(Object key) {
            return table.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return table.containsKey(key);
        }

        @Override
        public Long remove(Object key) {
            return table.remove(key);
        }

        @Override
        public void clear() {
            table.clear();
        }

        @Override
        public int size() {
            return table.size();
        }

        @Override
        public java.util.Set<Entry<COSObjectKey, Long>> entrySet() {
            return table.entrySet();
        }
    }
}
