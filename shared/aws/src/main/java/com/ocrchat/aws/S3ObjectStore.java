package com.ocrchat.aws;

import com.ocrchat.store.ContentDisposition;
import com.ocrchat.store.ObjectStore;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

public final class S3ObjectStore implements ObjectStore {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3ObjectStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(
                    s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> getAtMost(String key, long maxBytes) {
        try {
            return Optional.of(
                    s3.getObjectAsBytes(r -> r.bucket(bucket).key(key).range("bytes=0-" + maxBytes))
                            .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                return Optional.of(new byte[0]); // an empty object has no byte 0
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public Optional<Long> size(String key) {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public String presignedGet(String key, Duration lifetime, String filename, String contentType) {
        return presigner
                .presignGetObject(r -> r.signatureDuration(lifetime)
                        .getObjectRequest(get -> get.bucket(bucket)
                                .key(key)
                                .responseContentType(contentType)
                                .responseContentDisposition(ContentDisposition.attachment(filename))))
                .url()
                .toString();
    }

    @Override
    public String presignedPut(String key, Duration lifetime, long contentLength) {
        return presigner
                .presignPutObject(r -> r.signatureDuration(lifetime)
                        .putObjectRequest(put -> put.bucket(bucket).key(key).contentLength(contentLength)))
                .url()
                .toString();
    }
}
