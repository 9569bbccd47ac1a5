package com.ocrchat.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one error type that maps to HTTP: a status, a short human message, and optional details that
 * become extra fields of the JSON error body ({"error": message, ...details}).
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, Object> details;
    private final Map<String, String> headers;

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public ApiException(int status, String message, Map<String, Object> details) {
        this(status, message, details, Map.of());
    }

    /** With response headers, such as the X-RateLimit-* of a 402. */
    public ApiException(int status, String message, Map<String, Object> details, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.details = new LinkedHashMap<>(details);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        body.putAll(details);
        return body;
    }
}
