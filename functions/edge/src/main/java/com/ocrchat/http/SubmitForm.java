package com.ocrchat.http;

import com.ocrchat.job.JobOptions;
import com.ocrchat.job.SubmitRequest;

/** POST /api/v1/ocr/'s multipart form as a plain submission: the choices, and the file, an upload's id or a URL. */
public final class SubmitForm {
    private SubmitForm() {}

    public static SubmitRequest parse(ApiRequest request, long maxFileBytes) {
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
