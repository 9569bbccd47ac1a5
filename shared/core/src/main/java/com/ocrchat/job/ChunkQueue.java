package com.ocrchat.job;

import java.util.List;

/** Where the chunks of large jobs wait for the OCR workers: SQS, with a priority queue for paid accounts. */
public interface ChunkQueue {
    void send(List<Chunk> chunks, boolean priority);
}
