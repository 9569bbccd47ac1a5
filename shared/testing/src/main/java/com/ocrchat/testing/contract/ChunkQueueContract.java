package com.ocrchat.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.job.Chunk;
import com.ocrchat.job.ChunkQueue;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every chunk queue promises: every chunk sent arrives, on the queue its priority names. A subclass gives both ends. */
public abstract class ChunkQueueContract {

    protected abstract ChunkQueue queue();

    /** What has arrived on the normal or the priority queue so far, taken off it. */
    protected abstract List<Chunk> received(boolean priority);

    @Test
    void everyChunkArrivesOnItsQueueInBatchesOfAnySize() {
        List<Chunk> chunks = Chunk.split(UUID.randomUUID().toString(), 113, 5);
        assertEquals(23, chunks.size());
        queue().send(chunks, true);
        queue().send(List.of(new Chunk("other", 0, 4)), false);
        assertEquals(new HashSet<>(chunks), new HashSet<>(received(true)), "more than SQS's ten per batch, all there");
        assertEquals(List.of(new Chunk("other", 0, 4)), received(false));
    }

    @Test
    void aQueueHasChunksWaitingFromTheirSendingUntilAWorkerTakesThem() {
        assertFalse(queue().hasWaiting(true));
        queue().send(List.of(new Chunk(UUID.randomUUID().toString(), 0, 4)), true);
        assertTrue(queue().hasWaiting(true));
        assertFalse(queue().hasWaiting(false), "the other queue has none");
        assertEquals(1, received(true).size());
        assertFalse(queue().hasWaiting(true));
    }
}
