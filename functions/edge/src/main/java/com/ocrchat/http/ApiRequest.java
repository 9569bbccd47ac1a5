package com.ocrchat.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.Unauthenticated;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Read-only view of an API Gateway HTTP API (payload 2.0) request. */
public final class ApiRequest {
    private final APIGatewayV2HTTPEvent event;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        if (value == null) {
            // API Gateway lower-cases header names; a hand-made event may not have.
            value = headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        return Optional.ofNullable(value);
    }

    public Optional<String> query(String name) {
        Map<String, String> query = event.getQueryStringParameters();
        return query == null ? Optional.empty() : Optional.ofNullable(query.get(name));
    }

    /** The HTTP method, upper case (payload format 2.0 carries it in the request context). */
    public String method() {
        var http = event.getRequestContext() == null
                ? null
                : event.getRequestContext().getHttp();
        return http == null || http.getMethod() == null
                ? "GET"
                : http.getMethod().toUpperCase(java.util.Locale.ROOT);
    }

    public Optional<String> pathParameter(String name) {
        Map<String, String> path = event.getPathParameters();
        return path == null ? Optional.empty() : Optional.ofNullable(path.get(name));
    }

    /** The client's address as API Gateway saw it; never taken from a header the client controls. */
    public String sourceIp() {
        if (event.getRequestContext() == null
                || event.getRequestContext().getHttp() == null
                || event.getRequestContext().getHttp().getSourceIp() == null) {
            return "unknown";
        }
        return event.getRequestContext().getHttp().getSourceIp();
    }

    /**
     * The token from {@code Authorization: Bearer} or {@code ?api_token=}, else the product pages' session
     * cookie with its {@code X-CSRF-Token} header, and the source IP. An Authorization header that is not a Bearer
     * token is refused, never read as anonymous.
     */
    public Authenticator.Credentials credentials() {
        Optional<String> header = header("authorization");
        if (header.isPresent()) {
            String value = header.get().trim();
            if (!value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
                throw new Unauthenticated("Malformed Authorization header: use 'Bearer <token>'");
            }
            return new Authenticator.Credentials(
                    Optional.of(value.substring("bearer ".length()).trim()), sourceIp());
        }
        Optional<String> token = query("api_token").map(String::trim);
        if (token.isPresent()) {
            return new Authenticator.Credentials(token, sourceIp());
        }
        return new Authenticator.Credentials(Optional.empty(), sourceIp(), browserSession());
    }

    /** The session cookie of the product's pages, if the browser sent one. */
    public Optional<Authenticator.BrowserSession> browserSession() {
        boolean changesState = !Set.of("GET", "HEAD", "OPTIONS").contains(method());
        return cookie(SessionCookies.SESSION)
                .filter(value -> !value.isBlank())
                .map(value ->
                        new Authenticator.BrowserSession(value, header(SessionCookies.CSRF_HEADER), changesState));
    }

    /** A cookie's value (payload 2.0 carries the Cookie header as a list of {@code name=value}). */
    public Optional<String> cookie(String name) {
        List<String> cookies = event.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (String cookie : cookies) {
            int equals = cookie.indexOf('=');
            if (equals > 0 && cookie.substring(0, equals).trim().equals(name)) {
                return Optional.of(cookie.substring(equals + 1).trim());
            }
        }
        return Optional.empty();
    }

    public String contentType() {
        return header("content-type").orElse("");
    }

    /**
     * The body, refused with a 413 before it is decoded or parsed when it holds more than {@code maxBytes}
     * (its size judged from the encoded length, so nothing large is ever copied).
     */
    public byte[] body(long maxBytes) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        long size = event.getIsBase64Encoded() ? body.length() / 4 * 3 : body.length();
        if (size > maxBytes) {
            throw LimitExceeded.requestTooLarge(
                    "The request body is larger than this endpoint takes (" + maxBytes + " bytes)"
                            + "; send large files through POST /api/v1/uploads/, or their address as url",
                    Map.of("max_bytes", maxBytes));
        }
        if (!event.getIsBase64Encoded()) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("The request body is not valid base64");
        }
    }
}
