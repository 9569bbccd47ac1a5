package com.ocrchat.outbound;

import com.ocrchat.settings.Env;

/**
 * Where requests to URLs that users name may go. Always public addresses only; {@code loopbackAllowed} (the local
 * server's development setting, {@code OCRCHAT_ALLOW_LOOPBACK_URLS}) also lets through http:// and this machine's
 * own loopback addresses, so that a webhook receiver or a file server on the laptop can be used.
 */
public record OutboundPolicy(boolean loopbackAllowed) {
    public static OutboundPolicy from(Env env) {
        return new OutboundPolicy(env.flag("OCRCHAT_ALLOW_LOOPBACK_URLS", false));
    }
}
