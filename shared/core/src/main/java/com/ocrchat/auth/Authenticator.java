package com.ocrchat.auth;

import com.ocrchat.error.Unauthenticated;
import java.util.Optional;

/**
 * Decides who is calling. A token that is present but malformed, unknown or revoked is refused, never
 * a quiet fall back to anonymous. No token at all is an anonymous caller, keyed by the source IP that
 * API Gateway saw (never by anything the client can set).
 */
public final class Authenticator {
    private final AccountStore accounts;

    public Authenticator(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** What a request presents: its token, if any, and the address it came from. */
    public record Credentials(Optional<String> token, String sourceIp) {}

    public Caller authenticate(Credentials credentials) {
        if (credentials.token().isEmpty()) {
            return Caller.anonymous(credentials.sourceIp());
        }
        String token = credentials.token().get();
        if (!Tokens.isWellFormed(token)) {
            throw new Unauthenticated("Malformed API token");
        }
        Account account =
                accounts.findByToken(token).orElseThrow(() -> new Unauthenticated("Unknown or revoked API token"));
        return Caller.of(account, credentials.sourceIp());
    }

    /** Like {@link #authenticate} but an account is required: anonymous callers are refused. */
    public Caller requireAccount(Credentials credentials) {
        Caller caller = authenticate(credentials);
        if (caller.isAnonymous()) {
            throw new Unauthenticated("An account token is required: Authorization: Bearer <token>");
        }
        return caller;
    }
}
