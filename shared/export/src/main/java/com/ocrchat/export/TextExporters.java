package com.ocrchat.export;

import java.nio.charset.StandardCharsets;

/** txt (pages separated by form feeds) and md (pages separated by rules) are the job's own text. */
final class TextExporters {
    private TextExporters() {}

    static final Exporter TEXT = (job, result, images) -> result.text().getBytes(StandardCharsets.UTF_8);

    static final Exporter MARKDOWN = (job, result, images) -> result.markdown().getBytes(StandardCharsets.UTF_8);
}
