package com.ocrchat.job;

import java.util.Optional;

/**
 * A submission as the edge parsed it from the form: the choices; where the document is: in the request
 * ({@code file}), uploaded before ({@code upload_id}), or at a {@code url}; and where to announce its end
 * ({@code callback_url}).
 */
public record SubmitRequest(
        JobOptions.Requested options,
        Optional<SubmittedFile> file,
        Optional<String> uploadId,
        Optional<String> url,
        Optional<String> callbackUrl) {}
