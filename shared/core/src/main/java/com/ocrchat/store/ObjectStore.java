package com.ocrchat.store;

import java.time.Duration;
import java.util.Optional;

/** Named blobs: uploads, results, page images, exports. S3 on AWS and locally (s3proxy); a map in unit tests. */
public interface ObjectStore {
    void put(String key, byte[] bytes, String contentType);

    Optional<byte[]> get(String key);

    /**
     * The object's first {@code maxBytes + 1} bytes at most, in one read (no size asked first, so an object
     * that grows in between is still bounded): more than {@code maxBytes} means the object is larger.
     */
    Optional<byte[]> getAtMost(String key, long maxBytes);

    /** Deleting a missing object is not an error. */
    void delete(String key);

    /** The object's size in bytes, or empty when there is no such object. */
    Optional<Long> size(String key);

    /** A URL that fetches the object without credentials until it expires, served as an attachment named {@code filename}. */
    String presignedGet(String key, Duration lifetime, String filename, String contentType);

    /**
     * A URL to which a client can PUT the object's bytes without credentials until it expires; the
     * Content-Length is signed, so the object can only ever hold {@code contentLength} bytes.
     */
    String presignedPut(String key, Duration lifetime, long contentLength);
}
