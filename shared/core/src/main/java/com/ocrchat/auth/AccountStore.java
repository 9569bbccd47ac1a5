package com.ocrchat.auth;

import java.util.Optional;

/**
 * Accounts and their tokens. Lookups are strongly consistent, so a token that was rotated or
 * revoked stops working on the very next request.
 */
public interface AccountStore {

    /** A new account and its token, which is returned here once and never stored in clear. */
    record Created(Account account, String token) {}

    Created create(Plan plan, long credits);

    Optional<Account> find(String accountId);

    /** The live account the token belongs to; empty for unknown tokens and revoked accounts. */
    Optional<Account> findByToken(String token);

    /** Adds bought credits to a paid account's balance. */
    Account addCredits(String accountId, long credits);

    /** A new token for the account; the old one stops working at once. */
    String rotateToken(String accountId);

    /**
     * The secret the account's webhooks are signed with ({@link Tokens#webhookSecret()}), made on first use: kept
     * as it is, since signing needs it (it grants no access to the API).
     */
    String webhookSecret(String accountId);

    /** The account's token stops working at once, and no new one can be made. */
    void revoke(String accountId);
}
