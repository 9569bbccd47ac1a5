package com.ocrchat.job;

import java.util.List;

/** Where the chunks of large jobs wait for the OCR workers: SQS, with a priority queue for paid accounts. */
public interface ChunkQueue {
    void send(List<Chunk> chunks, boolean priority);

    /**
     * Whether chunks wait on the queue (or the priority queue) for a worker: a backlog, among which a job's chunks may
     * be waiting their turn. As SQS counts: approximately.
     */
    boolean hasWaiting(boolean priority);
}
