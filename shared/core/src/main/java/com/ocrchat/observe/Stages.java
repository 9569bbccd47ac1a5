package com.ocrchat.observe;

import java.util.function.Supplier;

/** Times a stage of the work as a {@link StageEvent}: one line around the call, nothing else changes. */
public final class Stages {
    public static final String RENDER = "decode and render";
    public static final String PIXELS = "pixels to Tesseract";
    public static final String RECOGNITION = "recognition (LSTM)";
    public static final String LAYOUT = "results, paragraphs, layout";
    public static final String TABLES = "ruled tables";
    public static final String ORIENTATION = "orientation and script (OSD)";
    public static final String DETECTOR = "language detector";
    public static final String PAGE_IMAGE = "page image (JPEG or G4)";
    public static final String PAGE_IMAGE_STORE = "page image (S3)";
    public static final String PAGE_STORE = "page result (JSON + S3)";
    public static final String ASSEMBLY = "job result: text, Markdown, tables";
    public static final String RESULT_STORE = "job result (JSON + S3)";
    public static final String JOB_RECORDS = "job records (DynamoDB)";

    private Stages() {}

    /** A runtime built without the jdk.jfr module still runs: its stages are simply not timed. */
    private static final boolean RECORDER =
            ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    /** Set on a thread whose work another thread's stage already stands for (a helper it waits on). */
    private static final ThreadLocal<Boolean> UNTIMED = ThreadLocal.withInitial(() -> false);

    public static <T> T time(String stage, int page, Supplier<T> work) {
        return RECORDER && !UNTIMED.get() ? Recorded.time(stage, page, work) : work.get();
    }

    /** The work with no stage recorded on this thread: the thread waiting for it times it (no double count). */
    public static <T> T untimed(Supplier<T> work) {
        boolean before = UNTIMED.get();
        UNTIMED.set(true);
        try {
            return work.get();
        } finally {
            UNTIMED.set(before);
        }
    }

    public static void time(String stage, int page, Runnable work) {
        time(stage, page, () -> {
            work.run();
            return null;
        });
    }

    /** Touched only where the recorder exists, so {@link StageEvent} is never loaded elsewhere. */
    private static final class Recorded {
        static <T> T time(String stage, int page, Supplier<T> work) {
            StageEvent event = new StageEvent();
            event.begin();
            try {
                return work.get();
            } finally {
                if (event.shouldCommit()) {
                    event.stage = stage;
                    event.page = page;
                    event.commit();
                }
            }
        }
    }
}
