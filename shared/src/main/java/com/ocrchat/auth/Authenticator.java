package com.ocrchat.auth;

import com.ocrchat.http.ApiException;
import com.ocrchat.http.ApiRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides who is calling. A token is taken from {@code Authorization: Bearer} or {@code ?api_token=};
 * a token that is present but malformed, unknown or revoked is a 401, never a quiet fall back to
 * anonymous. No token at all is an anonymous caller, keyed by the request context's source IP.
 */
public final class Authenticator {
    private final AccountStore accounts;

    public Authenticator(AccountStore accounts) {
        this.accounts = accounts;
    }

    public Caller authenticate(ApiRequest request) {
        Optional<String> token = token(request);
        if (token.isEmpty()) {
            return Caller.anonymous(request.sourceIp());
        }
        if (!Tokens.isWellFormed(token.get())) {
            throw ApiException.unauthorized("Malformed API token");
        }
        Account account = accounts.findByToken(token.get())
                .orElseThrow(() -> ApiException.unauthorized("Unknown or revoked API token"));
        return Caller.of(account, request.sourceIp());
    }

    /** Like {@link #authenticate} but an account is required (anonymous is a 401). */
    public Caller requireAccount(ApiRequest request) {
        Caller caller = authenticate(request);
        if (caller.isAnonymous()) {
            throw ApiException.unauthorized("An account token is required: Authorization: Bearer <token>");
        }
        return caller;
    }

    private static Optional<String> token(ApiRequest request) {
        Optional<String> header = request.header("authorization");
        if (header.isPresent()) {
            String value = header.get().trim();
            if (!value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
                throw ApiException.unauthorized("Malformed Authorization header: use 'Bearer <token>'");
            }
            return Optional.of(value.substring("bearer ".length()).trim());
        }
        return request.query("api_token").map(String::trim);
    }
}
