package com.ocrchat.auth;

import com.ocrchat.error.Forbidden;
import com.ocrchat.error.Unauthenticated;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Decides who is calling. A token that is present but malformed, unknown or revoked is refused, never
 * a quiet fall back to anonymous. A browser signed in to the product's pages presents its session cookie
 * instead, and proves each request that changes anything with its CSRF token. Neither is an anonymous caller,
 * keyed by the source IP that API Gateway saw (never by anything the client can set).
 */
public final class Authenticator {
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final Clock clock;

    public Authenticator(AccountStore accounts, SessionStore sessions, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** What a request presents: its token, if any, its browser session, if any, and the address it came from. */
    public record Credentials(Optional<String> token, String sourceIp, Optional<BrowserSession> browser) {
        public Credentials(Optional<String> token, String sourceIp) {
            this(token, sourceIp, Optional.empty());
        }
    }

    /**
     * A session cookie's value, the X-CSRF-Token header sent beside it, and whether the request changes state
     * (anything but GET, HEAD and OPTIONS), which needs the token.
     */
    public record BrowserSession(String sessionId, Optional<String> csrfToken, boolean changesState) {}

    public Caller authenticate(Credentials credentials) {
        if (credentials.token().isPresent()) {
            String token = credentials.token().get();
            if (!Tokens.isWellFormed(token)) {
                throw new Unauthenticated("Malformed API token");
            }
            Account account =
                    accounts.findByToken(token).orElseThrow(() -> new Unauthenticated("Unknown or revoked API token"));
            return Caller.of(account, credentials.sourceIp());
        }
        if (credentials.browser().isPresent()) {
            return Caller.of(signedIn(credentials.browser().get()), credentials.sourceIp());
        }
        return Caller.anonymous(credentials.sourceIp());
    }

    /** Like {@link #authenticate} but an account is required: anonymous callers are refused. */
    public Caller requireAccount(Credentials credentials) {
        Caller caller = authenticate(credentials);
        if (caller.isAnonymous()) {
            throw new Unauthenticated("An account token is required: Authorization: Bearer <token>");
        }
        return caller;
    }

    /** The session a browser presents, live and proven; its account must be live too. */
    public Session session(BrowserSession browser) {
        Session session =
                unended(browser).orElseThrow(() -> new Unauthenticated("Your session has ended: log in again"));
        requireProof(browser);
        return session;
    }

    /** A request that changes state must carry the session's CSRF token. */
    public void requireProof(BrowserSession browser) {
        if (browser.changesState() && !proves(browser.csrfToken(), browser.sessionId())) {
            throw new Forbidden("This request needs the session's CSRF token in the X-CSRF-Token header");
        }
    }

    /** The session a browser presents, if it is live and its account too (a read: no CSRF token needed). */
    public Optional<Session> liveSession(BrowserSession browser) {
        return unended(browser)
                .filter(found -> accounts.find(found.accountId())
                        .map(account -> !account.revoked())
                        .orElse(false));
    }

    private Optional<Session> unended(BrowserSession browser) {
        return sessions.find(Tokens.hash(browser.sessionId())).filter(found -> !found.endedBy(clock.instant()));
    }

    private Account signedIn(BrowserSession browser) {
        Session session = session(browser);
        return accounts.find(session.accountId())
                .filter(account -> !account.revoked())
                .orElseThrow(() -> new Unauthenticated("This account has been closed"));
    }

    private static boolean proves(Optional<String> csrfToken, String sessionId) {
        return csrfToken
                .map(token -> sameText(token, Tokens.csrfToken(sessionId)))
                .orElse(false);
    }

    /** Compared in constant time, so the answer's timing tells nothing of the expected value. */
    public static boolean sameText(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
