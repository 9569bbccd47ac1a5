package com.ocrchat.job;

/** Pages {@code firstPage} to {@code lastPage} (0-based, inclusive) of a large job: one SQS message. */
public record Chunk(String uuid, int firstPage, int lastPage) {

    /** Stable per job and page range, so a redelivered chunk is recognised as already counted. */
    public String id() {
        return firstPage + "-" + lastPage;
    }

    public int pages() {
        return lastPage - firstPage + 1;
    }
}
