package com.ocrchat.store;

import java.time.Duration;
import java.util.Optional;

/** Named blobs: uploads, results, page images, exports. S3 on AWS and locally (s3proxy); a map in unit tests. */
public interface ObjectStore {
    void put(String key, byte[] bytes, String contentType);

    Optional<byte[]> get(String key);

    /** Deleting a missing object is not an error. */
    void delete(String key);

    /** The object's size in bytes, or empty when there is no such object. */
    Optional<Long> size(String key);

    /** A URL that fetches the object without credentials until it expires, served as an attachment named {@code filename}. */
    String presignedGet(String key, Duration lifetime, String filename, String contentType);

    /** A URL to which a client can PUT the object's bytes without credentials until it expires. */
    String presignedPut(String key, Duration lifetime);
}
