package com.ocrchat.export;

import java.nio.charset.StandardCharsets;

/** txt (pages separated by form feeds) and md (pages separated by rules) are the job's own text. */
final class TextExporters {
    private TextExporters() {
    }

    static final Exporter TEXT = (job, images) -> job.text().getBytes(StandardCharsets.UTF_8);

    static final Exporter MARKDOWN = (job, images) -> job.markdown().getBytes(StandardCharsets.UTF_8);
}
