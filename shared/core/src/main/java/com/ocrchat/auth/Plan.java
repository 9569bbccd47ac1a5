package com.ocrchat.auth;

import java.util.Locale;

public enum Plan {
    ANONYMOUS,
    FREE,
    PAID;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Plan of(String id) {
        for (Plan plan : values()) {
            if (plan.id().equalsIgnoreCase(id)) {
                return plan;
            }
        }
        throw new IllegalArgumentException("Unknown plan '" + id + "' (free or paid)");
    }
}
