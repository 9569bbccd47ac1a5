package com.ocrchat.chat;

import com.ocrchat.job.Job;
import java.util.LinkedHashMap;
import java.util.Map;

/** Each job's index built once and kept while the function is warm (the most recently used few). */
final class PassageIndexes {
    private static final int KEPT = 32;

    private final Map<String, PassageIndex> indexes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PassageIndex> eldest) {
            return size() > KEPT;
        }
    };

    synchronized PassageIndex of(Job job) {
        return indexes.computeIfAbsent(job.uuid(), uuid -> PassageIndex.of(job.pages()));
    }
}
