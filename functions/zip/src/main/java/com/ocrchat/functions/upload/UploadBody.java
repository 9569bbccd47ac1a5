package com.ocrchat.functions.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.http.ApiRequest;
import com.ocrchat.json.Json;
import java.io.IOException;

/**
 * POST /api/v1/uploads/'s JSON body, {@code {"size": <bytes>, "filename": "<optional name>"}}: the size the upload
 * URL is signed for, and the name the job and its exports take.
 */
record UploadBody(long size, String filename) {
    private static final long MAX_BODY_BYTES = 4 * 1024;

    static UploadBody parse(ApiRequest request) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(request.body(MAX_BODY_BYTES));
        } catch (IOException e) {
            json = null;
        }
        JsonNode size = json == null ? null : json.get("size");
        if (size == null || !size.canConvertToLong()) {
            throw new InvalidInput(
                    "Send the file's size in bytes as JSON: {\"size\": 12345}; the upload URL takes exactly that many bytes");
        }
        JsonNode filename = json.get("filename");
        return new UploadBody(size.asLong(), filename != null && filename.isTextual() ? filename.asText() : "");
    }
}
