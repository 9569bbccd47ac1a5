package com.ocrchat.export;

import com.ocrchat.job.Job;
import com.ocrchat.ocr.Block;
import com.ocrchat.ocr.Page;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (Commons CSV), UTF-8. The engine finds no tables yet, so this is the contract's
 * fallback for a job without tables: one row per block with its page and block numbers (1-based),
 * text, bbox and confidence, under a header row.
 */
final class CsvExporter implements Exporter {
    @Override
    public byte[] export(Job job, PageImages images) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("page", "block", "text", "x0", "y0", "x1", "y1", "confidence");
            for (Page page : job.pages()) {
                int number = 1;
                for (Block block : page.blocks()) {
                    int[] box = block.bbox();
                    csv.printRecord(page.index() + 1, number++, block.text(), box[0], box[1], box[2], box[3], block.confidence());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
