package com.ocrchat.job;

/** Where a job's objects live in the bucket (all of them expire with the job by the bucket's lifecycle rule). */
public final class JobKeys {
    private JobKeys() {
    }

    /** The uploaded file, deleted once the job is done or failed. */
    public static String upload(String uuid) {
        return "uploads/" + uuid;
    }

    public static String result(String uuid) {
        return "results/" + uuid + "/result.json";
    }

    /** One page's result, written by the worker that recognized it: a redelivered chunk overwrites it. */
    public static String pageResult(String uuid, int pageIndex) {
        return "results/" + uuid + "/pages/" + pageIndex + ".json";
    }
}
