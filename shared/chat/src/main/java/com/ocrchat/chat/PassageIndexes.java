package com.ocrchat.chat;

import com.ocrchat.json.Json;
import com.ocrchat.page.Page;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.ObjectStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Each job's sentence index, made once per job: the sentences are split from the job's result on its first
 * question and stored beside the result ({@code results/<uuid>/sentences.json}), so a cold start reads them instead
 * of the result and splits nothing; the BM25 index over them is built in memory (milliseconds) and kept while the
 * function is warm.
 */
final class PassageIndexes {
    private static final int KEPT = 32;

    /** How sentences are split now: a stored split of another version is made again. */
    static final int VERSION = 2;

    /** What is stored: how many pages the job has, its sentences, and the running lines left out of them. */
    record Stored(int version, int pageCount, List<Sentence> sentences, List<String> runningLines) {}

    private final ObjectStore objects;
    private final Map<String, PassageIndex> indexes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PassageIndex> eldest) {
            return size() > KEPT;
        }
    };

    PassageIndexes(ObjectStore objects) {
        this.objects = objects;
    }

    /** The job's index: kept, else from its stored sentences, else made from {@code pages} and stored. */
    PassageIndex of(String uuid, String language, Supplier<List<Page>> pages) {
        synchronized (indexes) {
            PassageIndex kept = indexes.get(uuid);
            if (kept != null) {
                return kept;
            }
        }
        // Read and built outside the lock: other jobs' questions need not wait for this one's.
        String key = BucketLayout.chatSentences(uuid);
        Stored stored = objects.get(key).flatMap(PassageIndexes::read).orElseGet(() -> {
            List<Page> read = pages.get();
            Sentences.Split split = Sentences.of(read, language);
            Stored made = new Stored(VERSION, read.size(), split.sentences(), split.runningLines());
            objects.put(key, Json.writeBytes(made), "application/json");
            return made;
        });
        PassageIndex built = PassageIndex.of(
                stored.sentences(),
                stored.runningLines() == null ? List.of() : stored.runningLines(),
                stored.pageCount());
        synchronized (indexes) {
            return indexes.computeIfAbsent(uuid, id -> built);
        }
    }

    private static Optional<Stored> read(byte[] json) {
        try {
            return Optional.of(Json.read(json, Stored.class)).filter(stored -> stored.version() == VERSION);
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // made again
        }
    }
}
