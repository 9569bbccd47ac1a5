package com.ocrchat.testing;

import com.ocrchat.store.ObjectStore;
import java.time.Duration;
import java.util.Optional;

/** A real store passed through, for a test to override the one call it makes fail (a worker dying mid-write, S3 503). */
public class ForwardingObjectStore implements ObjectStore {
    private final ObjectStore real;

    public ForwardingObjectStore(ObjectStore real) {
        this.real = real;
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        real.put(key, bytes, contentType);
    }

    @Override
    public Optional<byte[]> get(String key) {
        return real.get(key);
    }

    @Override
    public Optional<byte[]> getAtMost(String key, long maxBytes) {
        return real.getAtMost(key, maxBytes);
    }

    @Override
    public void delete(String key) {
        real.delete(key);
    }

    @Override
    public Optional<Long> size(String key) {
        return real.size(key);
    }

    @Override
    public String presignedGet(String key, Duration lifetime, String filename, String contentType) {
        return real.presignedGet(key, lifetime, filename, contentType);
    }

    @Override
    public String presignedPut(String key, Duration lifetime, long contentLength) {
        return real.presignedPut(key, lifetime, contentLength);
    }
}
