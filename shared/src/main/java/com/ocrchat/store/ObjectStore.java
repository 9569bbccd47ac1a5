package com.ocrchat.store;

import java.util.Optional;

/** Named blobs: uploads, results, exports. S3 on AWS and locally (s3proxy). */
public interface ObjectStore {
    void put(String key, byte[] bytes, String contentType);

    Optional<byte[]> get(String key);

    void delete(String key);
}
