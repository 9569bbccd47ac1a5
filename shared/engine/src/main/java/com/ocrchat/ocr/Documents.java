package com.ocrchat.ocr;

import com.ocrchat.error.UnsupportedDocument;
import java.util.Map;

/** Opens uploaded bytes as a {@link Document}, deciding the format from the bytes alone. */
public final class Documents {
    private Documents() {}

    public static Document open(byte[] bytes, DocumentLimits limits) {
        if (bytes.length == 0) {
            throw new UnsupportedDocument(
                    "The file is empty. Supported types: " + DocumentType.SUPPORTED,
                    Map.of("supported_types", DocumentType.SUPPORTED));
        }
        DocumentType type = DocumentType.detect(bytes)
                .orElseThrow(() -> new UnsupportedDocument(
                        "Unsupported or unrecognized file type. Supported types: " + DocumentType.SUPPORTED,
                        Map.of("supported_types", DocumentType.SUPPORTED)));
        return type == DocumentType.PDF ? PdfDocument.open(bytes, limits) : ImageDocument.open(type, bytes, limits);
    }
}
