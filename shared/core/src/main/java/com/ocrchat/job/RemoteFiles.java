package com.ocrchat.job;

/** Documents named by a URL ({@code url} instead of {@code file}): fetched once, bounded, as if sent in the request. */
public interface RemoteFiles {
    /**
     * The file at {@code url}; invalid input when the URL may not be fetched or did not answer with a file, a
     * limit exceeded when it is larger than a file may be.
     */
    SubmittedFile fetch(String url);
}
