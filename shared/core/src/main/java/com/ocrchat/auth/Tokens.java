package com.ocrchat.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** API tokens: 256 random bits behind a recognisable prefix; stored only as their SHA-256. */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("ocr_[A-Za-z0-9_-]{43}");

    private Tokens() {}

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "ocr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** 256 random bits in base64url: a session cookie's value, a CSRF token. */
    public static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A session's CSRF token: a one-way function of its cookie's value, which no script can read (HttpOnly), so
     * only the page the session was opened on, or one that asks the server, knows it.
     */
    public static String csrfToken(String sessionId) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(("csrf:" + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A webhook signing secret in the Standard Webhooks form: "whsec_" and 32 random bytes in base64. */
    public static String webhookSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }

    public static boolean isWellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
