package com.ocrchat.http;

import com.ocrchat.account.AccountSessions;
import com.ocrchat.settings.Env;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The product pages' cookies. The session's is HttpOnly (no script reads it), SameSite=Lax and Secure
 * wherever the service is served over https ({@code OCRCHAT_SECURE_COOKIES}: true on AWS). The CSRF token
 * travels in the body of the answer that opened the session; the page sends it back in {@code X-CSRF-Token}.
 */
public final class SessionCookies {
    public static final String SESSION = "ocrchat_session";
    public static final String CSRF_HEADER = "x-csrf-token";
    /** Before a session exists, sign-up and log-in forms prove their origin by sending this cookie's value back. */
    public static final String FORM_CSRF = "ocrchat_csrf";

    private final boolean secure;
    private final Clock clock;

    public SessionCookies(boolean secure, Clock clock) {
        this.secure = secure;
        this.clock = clock;
    }

    public static SessionCookies from(Env env, Clock clock) {
        // Secure unless told otherwise: only the local server (plain http) says so.
        return new SessionCookies(env.flag("OCRCHAT_SECURE_COOKIES", true), clock);
    }

    public List<String> opened(AccountSessions.Opened session) {
        long seconds = Math.max(
                0, Duration.between(clock.instant(), session.expiresAt()).toSeconds());
        return List.of(cookie(session.sessionId(), seconds));
    }

    public List<String> cleared() {
        return List.of(cookie("", 0));
    }

    /** The form token's cookie: HttpOnly, sent only to the API and only from this site's own pages. */
    public String formToken(String token) {
        return FORM_CSRF + "=" + token + "; Path=/api/v1/; Max-Age=86400; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    private String cookie(String value, long maxAgeSeconds) {
        return SESSION + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }
}
