package com.ocrchat.outbound;

/**
 * A request to a user-named URL that could not be made or answered: the message says why in words the user can
 * act on (never the resolved address, so the check does not become a scanner of the network it guards).
 */
public final class OutboundFailure extends Exception {
    public enum Kind {
        /** The URL itself is not allowed: its scheme, form, or every address its host resolves to. */
        REFUSED,
        /** It was allowed, but the connection or the answer failed (timeout, reset, too large). */
        FAILED
    }

    private final Kind kind;

    OutboundFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
