package com.ocrchat.job;

/** URLs that users give: a document's {@code url}, fetched once and bounded, and a job's {@code callback_url}. */
public interface UserUrls {
    /**
     * The file at {@code url}, as if sent in the request; invalid input when the URL may not be fetched or did not
     * answer with a file, a limit exceeded when it is larger than a file may be.
     */
    SubmittedFile fetch(String url);

    /** {@code url} as a callback may be stored (https, a host, no credentials); invalid input otherwise. */
    String callback(String url);
}
