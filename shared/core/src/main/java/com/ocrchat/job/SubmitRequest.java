package com.ocrchat.job;

import java.util.Optional;

/** A submission as the edge parsed it from the form: the choices, and the file or the id of an upload. */
public record SubmitRequest(JobOptions.Requested options, Optional<SubmittedFile> file, Optional<String> uploadId) {}
