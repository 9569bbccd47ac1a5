package com.ocrchat.export;

import com.ocrchat.error.InvalidInput;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** The download formats, their media types and file extensions. */
public enum ExportFormat {
    TXT("text/plain; charset=utf-8"),
    MD("text/markdown; charset=utf-8"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    PDF("application/pdf"),
    CSV("text/csv; charset=utf-8"),
    JSON("application/json; charset=utf-8");

    private final String contentType;

    ExportFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code json} when absent, as the contract says; anything unknown is a 400 listing the formats. */
    public static ExportFormat of(String requested) {
        if (requested == null || requested.isBlank()) {
            return JSON;
        }
        String[] names = Arrays.stream(values()).map(ExportFormat::extension).toArray(String[]::new);
        return Arrays.stream(values())
                .filter(f -> f.extension().equalsIgnoreCase(requested.trim()))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(
                        "Unknown format '" + requested + "'. Formats: " + String.join(", ", names),
                        Map.of("formats", names)));
    }
}
