package com.ocrchat.auth;

import java.util.Optional;

/** Signed-in browsers' sessions, found by the hash of the cookie's value with a strongly consistent read. */
public interface SessionStore {

    void put(Session session);

    Optional<Session> find(String idHash);

    void delete(String idHash);
}
