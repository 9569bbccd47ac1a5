package com.ocrchat.account;

import com.ocrchat.settings.Env;
import java.time.Duration;

/**
 * The operator's choices for the product's pages: whether anyone may sign up ({@code OCRCHAT_SIGN_UP}, open
 * or closed: open on the local server, closed on AWS until the operator opens it), how many sign-ups one
 * address may make a day and how many wrong passwords it may send, and how long a session lasts.
 */
public record SignUpSettings(boolean open, int perIpPerDay, int loginFailuresPerIpPerDay, Duration sessionLifetime) {

    public static SignUpSettings from(Env env) {
        return new SignUpSettings(
                env.choice("OCRCHAT_SIGN_UP", "closed", java.util.Set.of("open", "closed"))
                        .equals("open"),
                env.integer("OCRCHAT_SIGN_UPS_PER_IP_PER_DAY", 5, 1),
                env.integer("OCRCHAT_LOGIN_FAILURES_PER_IP_PER_DAY", 30, 1),
                Duration.ofHours(env.number("OCRCHAT_SESSION_HOURS", 168, 1, 24 * 90)));
    }
}
