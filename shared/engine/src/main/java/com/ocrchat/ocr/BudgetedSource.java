package com.ocrchat.ocr;

import java.io.IOException;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * A PDF's bytes, each read counted toward the {@link DecodeBudget} of the operation reading it, again whenever PDFBox
 * reads it again. PDFBox re-reads without limit where a file lies: objects overlapping each other are each parsed to
 * the end of the file and all kept (20,000 strings in a 269 KB file came to 2.7 GB of heap), and a chain of
 * cross-reference sections each a byte off scans the whole file twice a section (a 1 MB file took 45 s).
 */
final class BudgetedSource extends RandomAccessReadBuffer {
    /** Reads are reported to the budget in steps: a thread-local lookup for every byte parsed would cost. */
    private static final int STEP = 64 * 1024;

    private int unreported;
    private DecodeBudget refused;

    BudgetedSource(byte[] bytes) {
        super(bytes);
    }

    @Override
    public int read() throws IOException {
        stopIfRefused();
        int read = super.read();
        if (read >= 0 && ++unreported >= STEP) {
            report();
        }
        return read;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        stopIfRefused();
        int read = super.read(bytes, offset, length);
        if (read > 0 && (unreported += read) >= STEP) {
            report();
        }
        return read;
    }

    /** Once its reads are refused, the operation reads nothing more (checked on every read, cheaply). */
    private void stopIfRefused() throws IOException {
        if (refused != null && refused == DecodeBudget.current()) {
            refused.stopIfExceeded();
        }
    }

    private void report() throws IOException {
        DecodeBudget budget = DecodeBudget.current();
        budget.stopIfExceeded(); // over budget otherwise (a stream refused): read no further either
        long read = unreported;
        unreported = 0;
        try {
            budget.countRead(read, size);
        } catch (IOException e) {
            refused = budget;
            throw e;
        }
    }
}
