package com.ocrchat.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com/): HMAC-SHA256 under the secret's bytes (the
 * base64 after "whsec_") of "{webhook-id}.{webhook-timestamp}.{body}", sent as "v1,{base64}" in
 * {@code webhook-signature}, the id and the Unix-seconds timestamp in their own headers.
 */
public final class WebhookSignature {
    private static final String PREFIX = "whsec_";

    private WebhookSignature() {}

    public static String sign(String secret, String webhookId, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(secret, webhookId, timestamp, body));
    }

    /** Whether any of the space-separated signatures in {@code header} is this body's under {@code secret}. */
    public static boolean verify(String secret, String webhookId, long timestamp, byte[] body, String header) {
        byte[] expected = mac(secret, webhookId, timestamp, body);
        for (String signature : header.split(" ")) {
            if (signature.startsWith("v1,")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // another signature may match
                }
            }
        }
        return false;
    }

    private static byte[] mac(String secret, String webhookId, long timestamp, byte[] body) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
