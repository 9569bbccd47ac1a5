package com.ocrchat.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashes: Argon2id with OWASP's minimum cost (19 MiB, 2 passes, 1 lane), a 16-byte random salt,
 * kept as the PHC string ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so the cost can be raised later
 * and old hashes still check.
 */
public final class Passwords {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    private Passwords() {}

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public static boolean matches(String password, String hash) {
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /** Spends the time a real check takes, for a login that does not exist. */
    public static void checkDecoy(String password) {
        matches(password, Decoy.HASH);
    }

    /**
     * A hash of nothing anyone knows, checked when no login matches so both answers take the same time; made on
     * first need, so sign-ups and cold starts do not pay for it.
     */
    private static final class Decoy {
        static final String HASH = hash("decoy password, never a login's");
    }
}
