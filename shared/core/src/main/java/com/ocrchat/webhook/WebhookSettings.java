package com.ocrchat.webhook;

import com.ocrchat.settings.Env;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How deliveries are retried: the waits after each failed attempt ({@code OCRCHAT_WEBHOOK_RETRY_SECONDS}; by default
 * Standard Webhooks' schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h), within 24 hours of the first attempt; and the
 * API's public address for the links in a delivery ({@code OCRCHAT_PUBLIC_URL}; relative links without it).
 */
public record WebhookSettings(List<Duration> retryDelays, Duration retryWindow, String publicUrl) {
    public static final Duration WINDOW = Duration.ofHours(24);

    public static WebhookSettings from(Env env) {
        String delays = env.text("OCRCHAT_WEBHOOK_RETRY_SECONDS", "5,300,1800,7200,18000,36000,36000");
        List<Duration> parsed;
        try {
            parsed = Arrays.stream(delays.split(","))
                    .map(String::strip)
                    .map(Long::parseLong)
                    .map(Duration::ofSeconds)
                    .toList();
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "Setting OCRCHAT_WEBHOOK_RETRY_SECONDS must be seconds separated by commas, not '" + delays + "'");
        }
        if (parsed.stream().anyMatch(delay -> delay.isNegative() || delay.compareTo(WINDOW) > 0)) {
            throw new IllegalStateException("Setting OCRCHAT_WEBHOOK_RETRY_SECONDS takes waits from 0 to 86400 s");
        }
        return new WebhookSettings(
                parsed, WINDOW, env.text("OCRCHAT_PUBLIC_URL", "").replaceAll("/+$", ""));
    }
}
