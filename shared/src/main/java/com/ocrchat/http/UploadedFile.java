package com.ocrchat.http;

/** A file field of a multipart form: its client-side name (possibly empty) and its bytes. */
public record UploadedFile(String filename, byte[] bytes) {
}
