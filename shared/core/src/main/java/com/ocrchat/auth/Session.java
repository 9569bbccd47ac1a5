package com.ocrchat.auth;

import java.time.Instant;

/**
 * A signed-in browser, as stored: the hash of its cookie's value (never the value), whose account it is, and
 * when it ends. Its CSRF token is derived from the cookie's value ({@link Tokens#csrfToken}), so it is not
 * stored at all.
 */
public record Session(String idHash, String accountId, String email, Instant expiresAt) {

    public boolean endedBy(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
