package com.ocrchat.webhook;

import java.util.Map;

/** Sends a signed delivery to the receiver's URL (with the SSRF rules of user-named URLs). */
public interface WebhookTransport {
    /** What the receiver did: answered with {@code status}, or could not be reached ({@code error} says why). */
    record Answer(Integer status, String error) {
        public boolean delivered() {
            return status != null && status / 100 == 2;
        }
    }

    Answer post(String url, Map<String, String> headers, byte[] body);
}
