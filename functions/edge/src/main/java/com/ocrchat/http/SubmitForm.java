package com.ocrchat.http;

import com.ocrchat.error.InvalidInput;
import com.ocrchat.job.JobOptions;
import com.ocrchat.job.SubmitRequest;
import java.util.List;

/** POST /api/v1/ocr/'s multipart form as a plain submission: the choices, and the file, an upload's id or a URL. */
public final class SubmitForm {
    private static final List<String> FIELDS =
            List.of("tier", "language", "tool", "translate_to", "upload_id", "url", "callback_url");

    private SubmitForm() {}

    public static SubmitRequest parse(ApiRequest request, long maxFileBytes) {
        // A choice sent in the query would be ignored, and the job read otherwise than asked (language=auto, say).
        for (String field : FIELDS) {
            if (request.query(field).isPresent()) {
                throw new InvalidInput("'" + field + "' is a form field of the multipart body (curl -F " + field
                        + "=...), not a query parameter");
            }
        }
        MultipartForm form = MultipartForm.parse(request, maxFileBytes);
        return new SubmitRequest(
                new JobOptions.Requested(
                        form.field("tier"), form.field("language"), form.field("tool"), form.field("translate_to")),
                form.file("file"),
                form.field("upload_id"),
                form.field("url"),
                form.field("callback_url"));
    }
}
