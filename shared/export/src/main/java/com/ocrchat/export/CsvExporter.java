package com.ocrchat.export;

import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobResult;
import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.Table;
import com.ocrchat.page.Tables;
import com.ocrchat.store.PageImages;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (Commons CSV), UTF-8: the job's tables, each table's rows, tables separated by an empty
 * line; a job without tables gets one row per block with its page and block numbers (1-based), text,
 * bbox and confidence, under a header row. A cell a spreadsheet would run as a formula is kept as text ({@link
 * FormulaGuard}).
 */
final class CsvExporter implements Exporter {
    @Override
    public byte[] export(JobRecord job, JobResult result, PageImages images) {
        StringWriter out = new StringWriter();
        List<Table> tables = result.pages().stream()
                .flatMap(page -> Tables.of(page, job.options().eagerTables()).stream())
                .toList();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            if (!tables.isEmpty()) {
                for (int t = 0; t < tables.size(); t++) {
                    if (t > 0) {
                        csv.println();
                    }
                    for (List<String> row : tables.get(t).rows()) {
                        csv.printRecord(row.stream().map(FormulaGuard::cell).toList());
                    }
                }
                return out.toString().getBytes(StandardCharsets.UTF_8);
            }
            csv.printRecord("page", "block", "text", "x0", "y0", "x1", "y1", "confidence");
            for (Page page : result.pages()) {
                int number = 1;
                for (Block block : page.blocks()) {
                    int[] box = block.bbox();
                    csv.printRecord(
                            page.index() + 1,
                            number++,
                            FormulaGuard.cell(block.text()),
                            box[0],
                            box[1],
                            box[2],
                            box[3],
                            block.confidence());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
