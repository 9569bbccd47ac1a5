package com.ocrchat.ocr;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FlateFilterDecoderStream;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * The bytes PDFBox may read from the file (see {@link BudgetedSource}), and apart from them the bytes it may
 * decode from PDF streams, in one operation on a document (opening it, reading or drawing a
 * page), on the thread that runs it. PDFBox decodes a stream whole into memory, whatever it is for (the
 * cross-reference and object streams it parses, contents, fonts, images, colour profiles): 2.4 MB of deflated spaces
 * filled a 2 GB heap. The streams of an operation count together, since PDFBox holds several at once (the contents
 * of nested forms, a page's contents given as one stream many times). Its filters are held to the budget by
 * {@link BoundedFilter}; a page's own contents, which PDFBox inflates as it parses them and so never holds, are
 * counted apart before it starts, since parsing 20 GB of spaces has no operator to stop at. A stream over budget
 * fails in PDFBox as a damaged one would, and {@link #exceeded} says why, so that the operation is refused as over
 * budget whatever PDFBox made of the failure.
 */
final class DecodeBudget {
    /** The budget of each decode PDFBox does outside a document's operations (a text page kept for the export). */
    static final long DEFAULT_BYTES = DocumentLimits.DEFAULT_DECODED_BYTES;

    /**
     * Cross-reference and object streams, at most: PDFBox parses each entry into a map entry of about 100 bytes, so 8
     * MB of two-byte entries is 400 MB of heap; a 2000-page file needs about 1 MB.
     */
    static final long MOST_CROSS_REFERENCE_BYTES = 8L * 1024 * 1024;

    /**
     * Cross-reference and object streams decoded again in one operation, past their first decode: PDFBox decodes and
     * parses an object stream whole again for every object a file says it holds and it does not (a 10 KB file took
     * 24 s and 1.9 GB). A file's own are each decoded once, however many (a tagged book's come to 30 MB and more).
     */
    static final long MOST_STRUCTURE_BYTES = 4 * MOST_CROSS_REFERENCE_BYTES;

    private static final ThreadLocal<DecodeBudget> CURRENT = new ThreadLocal<>();

    static {
        BoundedFilter.install();
    }

    private final long bytes;
    private long decoded;
    private long read;
    private long structure;
    private final java.util.Set<COSDictionary> structureDecoded =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private volatile String exceeded;

    DecodeBudget(long bytes) {
        this.bytes = bytes;
    }

    /** The bytes the operation's streams may decode to. */
    long bytes() {
        return bytes;
    }

    /** Work with PDFBox that may decode streams. */
    interface Work<T> {
        T run() throws IOException;
    }

    /** Runs the work with this budget for every stream it decodes on this thread. */
    <T> T apply(Work<T> work) throws IOException {
        DecodeBudget outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.run();
        } finally {
            CURRENT.set(outer);
        }
    }

    /** The budget of the operation running on this thread. */
    static DecodeBudget current() {
        DecodeBudget budget = CURRENT.get();
        return budget != null ? budget : new DecodeBudget(DEFAULT_BYTES);
    }

    /**
     * The most one stream PDFBox parses into objects (contents, forms, patterns, glyph procedures, CMaps) may decode
     * to: an eighth of the budget. Parsed, a byte grows up to ten times (numbers with no operator after them pile
     * up as operands), where an image's samples and a font's program stay the size they decode to. The operator
     * budget stops any page long before: 2 million operators of 16 bytes are 32 MB.
     */
    long mostParsedBytes() {
        return bytes / 8;
    }

    /**
     * A budget for more work within this operation that stops where this one would: what it has decoded, read and
     * decoded again is counted in it from the start, and its refusals are its own.
     */
    DecodeBudget remainder() {
        DecodeBudget rest = new DecodeBudget(bytes);
        rest.decoded = decoded;
        rest.read = read;
        rest.structure = structure;
        rest.structureDecoded.addAll(structureDecoded);
        return rest;
    }

    /** Why a stream was refused during the work, or null. */
    String exceeded() {
        return exceeded;
    }

    /** Throws if what a filter would allocate, in bytes, is more than the budget has left. */
    void check(long claimed, String what) throws IOException {
        if (claimed > bytes - decoded) {
            refuse(what + " would take " + megabytes(claimed) + " MB of the " + megabytes(bytes)
                    + " MB its streams may decode to");
        }
    }

    /** Counts bytes a filter wrote; throws once the operation's streams come to more than the budget. */
    void count(long written) throws IOException {
        decoded += written;
        if (decoded > bytes) {
            refuse("its streams decode to more than " + megabytes(bytes) + " MB");
        }
    }

    /** Whether this cross-reference or object stream was decoded before in the operation; from now on it was. */
    boolean decodedBefore(COSDictionary stream) {
        return !structureDecoded.add(stream);
    }

    /** Counts bytes of cross-reference and object streams decoded again, beside {@link #count}. */
    void countStructure(long written) throws IOException {
        structure += written;
        if (structure > MOST_STRUCTURE_BYTES) {
            refuse("its object streams are decoded again and again, more than " + megabytes(MOST_STRUCTURE_BYTES)
                    + " MB");
        }
    }

    /**
     * Counts bytes PDFBox read from a file of {@code fileBytes}, again if read again; throws past the budget and eight
     * times the file: rebuilding a damaged file's cross-references, PDFBox scans it whole about six times.
     */
    void countRead(long bytesRead, long fileBytes) throws IOException {
        read += bytesRead;
        long most = bytes + 8 * fileBytes;
        if (read > most) {
            refuse("it reads more than " + megabytes(most) + " MB of the file (parts of it read again and again)");
        }
    }

    /**
     * Throws once the operation is over budget: PDFBox skips what fails to decode or parse and goes on to the next,
     * which would each be refused again after its work.
     */
    void stopIfExceeded() throws IOException {
        if (exceeded != null) {
            throw new IOException(exceeded);
        }
    }

    void refuse(String why) throws IOException {
        exceeded = why;
        throw new IOException(why);
    }

    /**
     * Throws if a page's contents inflate past {@link #mostParsedBytes}, counted before PDFBox parses them as they
     * inflate.
     */
    void checkContents(PDPage page) throws IOException {
        COSStream contents = page.getCOSObject().getCOSStream(COSName.CONTENTS);
        if (contents == null || !COSName.FLATE_DECODE.equals(contents.getFilters())) {
            return; // PDFBox decodes any other contents through its filters, which are bounded
        }
        long most = mostParsedBytes();
        byte[] buffer = new byte[64 * 1024];
        long inflated = 0;
        try (InputStream in = new FlateFilterDecoderStream(contents.createRawInputStream())) {
            for (int read; inflated <= most && (read = in.read(buffer)) != -1; ) {
                inflated += read;
            }
        } catch (IOException damaged) {
            return; // PDFBox skips damaged contents; what inflated before the damage was within budget
        }
        if (inflated > most) {
            refuse("its contents inflate to more than " + megabytes(most) + " MB");
        }
    }

    static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
