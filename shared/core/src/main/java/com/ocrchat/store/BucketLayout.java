package com.ocrchat.store;

/**
 * Where everything lives in the documents bucket. Everything but {@code incoming/} belongs to a job
 * and expires with it (the bucket's lifecycle rules).
 */
public final class BucketLayout {
    private BucketLayout() {}

    /** A file sent through a presigned upload, before it is submitted: under a hash of its caller, so only they can name it. */
    public static String incoming(String callerHash, String uploadId) {
        return "incoming/" + callerHash + "/" + uploadId;
    }

    /** The name the caller gave a presigned upload, beside it until it is submitted. */
    public static String incomingName(String callerHash, String uploadId) {
        return incoming(callerHash, uploadId) + ".name";
    }

    /** The job's file, deleted once the job is done or failed. */
    public static String upload(String uuid) {
        return "uploads/" + uuid;
    }

    public static String result(String uuid) {
        return "results/" + uuid + "/result.json";
    }

    /** The job's text as chat's sentences (made on its first question, kept as long as the result). */
    public static String chatSentences(String uuid) {
        return "results/" + uuid + "/sentences.json";
    }

    /** One page's result, written by the worker that read it: a redelivered chunk overwrites it. */
    public static String pageResult(String uuid, int pageIndex) {
        return "results/" + uuid + "/pages/" + pageIndex + ".json";
    }

    /**
     * A recognized page as the image that was recognized, for the searchable PDF and the job page: a JPEG, or a G4
     * TIFF if bilevel (its content type says which; the name is kept so that jobs done before G4 still export).
     */
    public static String pageImage(String uuid, int pageIndex) {
        return "pages/" + uuid + "/" + pageIndex + ".jpg";
    }

    /** A page read from its own text layer, kept as it was (a one-page PDF). */
    public static String pageOriginal(String uuid, int pageIndex) {
        return "pages/" + uuid + "/" + pageIndex + ".pdf";
    }

    /** A page image as browsers are sent it (see the page-image endpoint), made once and served again. */
    public static String browserPageImage(String uuid, int pageIndex) {
        return "exports/" + uuid + "/pages/" + pageIndex + ".image";
    }

    /** An export made once and served again; {@code variant} is "" or "translated.". */
    public static String export(String uuid, String variant, String extension) {
        return "exports/" + uuid + "/export." + variant + extension;
    }
}
