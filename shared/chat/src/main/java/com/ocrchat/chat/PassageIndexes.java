package com.ocrchat.chat;

import com.ocrchat.page.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Each job's index built once and kept, with the job's pages (citations are checked against them),
 * while the function is warm: later questions read neither the stored result nor build anything.
 */
final class PassageIndexes {
    private static final int KEPT = 32;

    /** A job's passage index and its pages. */
    record Indexed(PassageIndex index, List<Page> pages) {}

    private final Map<String, Indexed> indexes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Indexed> eldest) {
            return size() > KEPT;
        }
    };

    /** The job's index, built from {@code pages} (read only when the job is not indexed yet). */
    Indexed of(String uuid, Supplier<List<Page>> pages) {
        synchronized (indexes) {
            Indexed kept = indexes.get(uuid);
            if (kept != null) {
                return kept;
            }
        }
        // Read and built outside the lock: other jobs' questions need not wait for this one's result.
        List<Page> read = pages.get();
        Indexed built = new Indexed(PassageIndex.of(read), read);
        synchronized (indexes) {
            return indexes.computeIfAbsent(uuid, id -> built);
        }
    }
}
