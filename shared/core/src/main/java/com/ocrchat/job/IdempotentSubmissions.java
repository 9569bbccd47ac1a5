package com.ocrchat.job;

import com.ocrchat.auth.Caller;
import java.util.Optional;
import java.util.function.Function;

/**
 * Submissions under {@link Idempotency}: a repeated key answers the job its first request filed, charged once; so does
 * an upload submitted again, under whatever key.
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
                request.uploadId().map(Uploads::normalId),
                request.url(),
                request.callbackUrl(),
                request.file().map(SubmittedFile::bytes));
        Function<String, Submissions.Submitted> repeat =
                uuid -> new Submissions.Submitted(queries.view(caller, uuid), null);
        Idempotency.FirstRequest<Submissions.Submitted> first = filed -> submissions.submit(caller, request, filed);
        if (request.uploadId().isPresent()) {
            // The upload is claimed whatever key the request has (a client may send a fresh one each time): the first
            // to claim it files its job, under both claims; a repeat answers that job, and settles its own key with it.
            String upload = request.uploadId().get();
            Idempotency.FirstRequest<Submissions.Submitted> submit = first;
            first = filed -> idempotency.onceForUpload(
                    caller,
                    upload,
                    requestHash,
                    uploadMade -> submit.run(uuid -> {
                        uploadMade.accept(uuid);
                        filed.accept(uuid);
                    }),
                    uuid -> {
                        filed.accept(uuid);
                        return repeat.apply(uuid);
                    });
        }
        return idempotency.once(caller, idempotencyKey, requestHash, first, repeat);
    }
}
