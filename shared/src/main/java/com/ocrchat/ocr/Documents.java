package com.ocrchat.ocr;

import com.ocrchat.http.ApiException;
import java.util.Map;

/** Opens uploaded bytes as a {@link Document}, deciding the format from the bytes alone. */
public final class Documents {
    private Documents() {
    }

    public static Document open(byte[] bytes, DocumentLimits limits) {
        if (bytes.length == 0) {
            throw new ApiException(400, "The file is empty. Supported types: " + DocumentType.SUPPORTED,
                    Map.of("supported_types", DocumentType.SUPPORTED));
        }
        DocumentType type = DocumentType.detect(bytes).orElseThrow(() -> new ApiException(400,
                "Unsupported or unrecognized file type. Supported types: " + DocumentType.SUPPORTED,
                Map.of("supported_types", DocumentType.SUPPORTED)));
        return type == DocumentType.PDF ? PdfDocument.open(bytes, limits) : ImageDocument.open(type, bytes, limits);
    }
}
