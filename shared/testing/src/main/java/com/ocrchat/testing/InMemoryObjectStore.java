package com.ocrchat.testing;

import com.ocrchat.store.ObjectStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Objects in a map. Presigned URLs are {@code memory://} names of the object: they say what they point at, nothing more. */
public final class InMemoryObjectStore implements ObjectStore {
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        objects.put(key, bytes.clone());
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> getAtMost(String key, long maxBytes) {
        return Optional.ofNullable(objects.get(key))
                .map(bytes -> Arrays.copyOf(bytes, (int) Math.min(bytes.length, maxBytes + 1)));
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }

    @Override
    public Optional<Long> size(String key) {
        return Optional.ofNullable(objects.get(key)).map(bytes -> (long) bytes.length);
    }

    @Override
    public String presignedGet(String key, Duration lifetime, String filename, String contentType) {
        return "memory://get/" + key;
    }

    @Override
    public String presignedPut(String key, Duration lifetime, long contentLength) {
        return "memory://put/" + key + "?length=" + contentLength;
    }

    public boolean contains(String key) {
        return objects.containsKey(key);
    }
}
