package com.ocrchat.job;

import java.util.ArrayList;
import java.util.List;

/** Pages {@code firstPage} to {@code lastPage} (0-based, inclusive) of a job read by the workers: one SQS message. */
public record Chunk(String uuid, int firstPage, int lastPage) {

    /** The job's pages in chunks of {@code pagesPerChunk}, in order. */
    public static List<Chunk> split(String uuid, int pageCount, int pagesPerChunk) {
        List<Chunk> chunks = new ArrayList<>();
        for (int first = 0; first < pageCount; first += pagesPerChunk) {
            chunks.add(new Chunk(uuid, first, Math.min(pageCount, first + pagesPerChunk) - 1));
        }
        return chunks;
    }

    /** Stable per job and page range, so a redelivered chunk is recognised as already counted. */
    public String id() {
        return firstPage + "-" + lastPage;
    }

    public int pages() {
        return lastPage - firstPage + 1;
    }
}
