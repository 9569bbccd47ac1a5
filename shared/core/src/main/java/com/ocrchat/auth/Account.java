package com.ocrchat.auth;

import java.time.Instant;

/** An account as stored: its token lives elsewhere, and only as a hash. */
public record Account(String id, Plan plan, long credits, Instant createdAt, boolean revoked) {}
