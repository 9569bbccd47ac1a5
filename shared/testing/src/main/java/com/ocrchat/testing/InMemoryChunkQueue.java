package com.ocrchat.testing;

import com.ocrchat.job.Chunk;
import com.ocrchat.job.ChunkQueue;
import java.util.ArrayList;
import java.util.List;

/** Chunks kept in send order, for a test to deliver to a worker itself ({@link #drain}), priority ones first. */
public final class InMemoryChunkQueue implements ChunkQueue {
    private final List<Chunk> priority = new ArrayList<>();
    private final List<Chunk> normal = new ArrayList<>();

    @Override
    public synchronized void send(List<Chunk> chunks, boolean priorityQueue) {
        (priorityQueue ? priority : normal).addAll(chunks);
    }

    @Override
    public synchronized boolean hasWaiting(boolean priorityQueue) {
        return !(priorityQueue ? priority : normal).isEmpty();
    }

    /** Everything sent so far and not yet taken, priority first; the queue is empty afterwards. */
    public synchronized List<Chunk> drain() {
        List<Chunk> all = new ArrayList<>(priority);
        all.addAll(normal);
        priority.clear();
        normal.clear();
        return all;
    }

    /** What was sent to one of the two queues and not yet taken. */
    public synchronized List<Chunk> drain(boolean priorityQueue) {
        List<Chunk> queue = priorityQueue ? priority : normal;
        List<Chunk> all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }
}
