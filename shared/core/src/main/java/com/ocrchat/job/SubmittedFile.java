package com.ocrchat.job;

/** A file as it was sent: its client-side name (possibly empty) and its bytes. */
public record SubmittedFile(String filename, byte[] bytes) {}
