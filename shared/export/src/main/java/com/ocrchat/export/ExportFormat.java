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
    JSON("application/json; charset=utf-8"),
    /** hOCR 1.2: XHTML with the page, block, paragraph, line and word boxes and word confidences. */
    HOCR("application/xhtml+xml; charset=utf-8"),
    /** ALTO 4.4 XML, as libraries and digitisation tools read it; saved as .xml like Tesseract's. */
    ALTO("application/xml; charset=utf-8", "xml");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType) {
        this(contentType, null);
    }

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The name a request gives: {@code format=hocr}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The downloaded file's extension. */
    public String extension() {
        return extension == null ? id() : extension;
    }

    /** {@code json} when absent, as the contract says; anything unknown is a 400 listing the formats. */
    public static ExportFormat of(String requested) {
        if (requested == null || requested.isBlank()) {
            return JSON;
        }
        String[] names = Arrays.stream(values()).map(ExportFormat::id).toArray(String[]::new);
        return Arrays.stream(values())
                .filter(f -> f.id().equalsIgnoreCase(requested.trim()))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(
                        "Unknown format '" + requested + "'. Formats: " + String.join(", ", names),
                        Map.of("formats", names)));
    }
}
