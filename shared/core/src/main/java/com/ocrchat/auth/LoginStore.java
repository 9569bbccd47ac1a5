package com.ocrchat.auth;

import java.util.Optional;

/** The logins of the product's pages, one per email. */
public interface LoginStore {

    /** Records a new login; false when the email already has one (nothing is changed then). */
    boolean register(Login login);

    Optional<Login> find(String email);
}
