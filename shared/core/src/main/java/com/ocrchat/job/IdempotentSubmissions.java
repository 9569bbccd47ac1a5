package com.ocrchat.job;

import com.ocrchat.auth.Caller;
import java.util.Optional;
import java.util.function.Function;

/**
 * Submissions under {@link Idempotency}: a repeated key answers the job its first request filed, charged once; so does
 * an upload submitted again without a key.
 */
public final class IdempotentSubmissions {
    private final Submissions submissions;
    private final JobQueries queries;
    private final Idempotency idempotency;

    public IdempotentSubmissions(Submissions submissions, JobQueries queries, Idempotency idempotency) {
        this.submissions = submissions;
        this.queries = queries;
        this.idempotency = idempotency;
    }

    public Submissions.Submitted submit(Caller caller, SubmitRequest request, Optional<String> idempotencyKey) {
        JobOptions.Requested options = request.options();
        String requestHash = Idempotency.requestHash(
                "POST /api/v1/ocr/",
                options.tier(),
                options.language(),
                options.tool(),
                options.translateTo(),
                request.uploadId(),
                request.url(),
                request.callbackUrl(),
                request.file().map(SubmittedFile::bytes));
        Idempotency.FirstRequest<Submissions.Submitted> first = filed -> submissions.submit(caller, request, filed);
        Function<String, Submissions.Submitted> repeat =
                uuid -> new Submissions.Submitted(queries.view(caller, uuid), null);
        if (idempotencyKey.isEmpty() && request.uploadId().isPresent()) {
            return idempotency.onceForUpload(caller, request.uploadId().get(), requestHash, first, repeat);
        }
        return idempotency.once(caller, idempotencyKey, requestHash, first, repeat);
    }
}
