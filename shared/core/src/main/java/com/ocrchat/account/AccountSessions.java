package com.ocrchat.account;

import com.ocrchat.auth.Account;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Login;
import com.ocrchat.auth.LoginStore;
import com.ocrchat.auth.Passwords;
import com.ocrchat.auth.Plan;
import com.ocrchat.auth.Session;
import com.ocrchat.auth.SessionStore;
import com.ocrchat.auth.Tokens;
import com.ocrchat.error.Conflict;
import com.ocrchat.error.Forbidden;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.TooManyRequests;
import com.ocrchat.error.Unauthenticated;
import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.metering.Window;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * People on the product's pages: sign-up (a free account, its token shown once), log in and out with a
 * session, and a new token in place of the old. Passwords are kept only as Argon2id hashes, sessions and
 * tokens only as SHA-256 hashes.
 */
public final class AccountSessions {
    static final int MIN_PASSWORD = 10;
    // Argon2 reads all of it; a bound keeps a request from making it read megabytes.
    static final int MAX_PASSWORD = 128;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final AccountStore accounts;
    private final LoginStore logins;
    private final SessionStore sessions;
    private final BalanceLedger ledger;
    private final SignUpSettings settings;
    private final Clock clock;

    public AccountSessions(
            AccountStore accounts,
            LoginStore logins,
            SessionStore sessions,
            BalanceLedger ledger,
            SignUpSettings settings,
            Clock clock) {
        this.accounts = accounts;
        this.logins = logins;
        this.sessions = sessions;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new session, as the browser gets it: the cookie's value and the CSRF token, each shown only here. */
    public record Opened(String sessionId, String csrfToken, String email, String accountId, Instant expiresAt) {}

    /** A new free account: its token (shown once) and the session the new person is signed in with. */
    public record SignedUp(Account account, String token, Opened session) {}

    public SignedUp signUp(String email, String password, String sourceIp) {
        if (!settings.open()) {
            throw new Forbidden("Sign-up is closed on this server; ask its operator for an account");
        }
        String address = normalized(email);
        checkPassword(password);
        Window today = Window.day(Window.Kind.SIGN_UPS, sourceIp, clock.instant());
        if (!ledger.count(today, 1, settings.perIpPerDay())) {
            throw new TooManyRequests("Too many sign-ups from this address today; try again tomorrow ("
                    + settings.perIpPerDay() + " a day)");
        }
        if (logins.find(address).isPresent()) {
            throw new Conflict("An account with this email exists; log in instead");
        }
        AccountStore.Created created = accounts.create(Plan.FREE, 0);
        if (!logins.register(
                new Login(address, Passwords.hash(password), created.account().id()))) {
            // Someone signed up with the same email a moment ago: this account was never anyone's.
            accounts.revoke(created.account().id());
            throw new Conflict("An account with this email exists; log in instead");
        }
        return new SignedUp(
                created.account(),
                created.token(),
                open(address, created.account().id()));
    }

    /**
     * A session for the right pair. Wrong pairs are counted per address and day: past the limit the address gets
     * 429 before any password is checked (guessing stops, and so does the Argon2 work it costs us).
     */
    public Opened logIn(String email, String password, String sourceIp) {
        Window today = Window.day(Window.Kind.LOGIN_FAILURES, sourceIp, clock.instant());
        if (ledger.counted(today) >= settings.loginFailuresPerIpPerDay()) {
            throw new TooManyRequests("Too many wrong passwords from this address today; try again tomorrow");
        }
        String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (password == null || password.length() > MAX_PASSWORD || address.length() > 254) {
            throw wrongPair(today);
        }
        Login login = logins.find(address).orElse(null);
        if (login == null) {
            Passwords.checkDecoy(password);
            throw wrongPair(today);
        }
        if (!Passwords.matches(password, login.passwordHash())
                || accounts.find(login.accountId()).map(Account::revoked).orElse(true)) {
            throw wrongPair(today);
        }
        return open(address, login.accountId());
    }

    private Unauthenticated wrongPair(Window today) {
        ledger.count(today, 1, Long.MAX_VALUE);
        return new Unauthenticated("Wrong email or password");
    }

    /** Ends the session at once: its cookie no longer opens anything. */
    public void logOut(Session session) {
        sessions.delete(session.idHash());
    }

    /** A new API token for the caller's account; the old one stops at once. Returned here only. */
    public String rotateToken(Caller caller) {
        return accounts.rotateToken(caller.accountId());
    }

    private Opened open(String email, String accountId) {
        String id = Tokens.secret();
        Instant expires = clock.instant().plus(settings.sessionLifetime());
        sessions.put(new Session(Tokens.hash(id), accountId, email, expires));
        return new Opened(id, Tokens.csrfToken(id), email, accountId, expires);
    }

    private static String normalized(String email) {
        String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new InvalidInput("Give a valid email address");
        }
        return address;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new InvalidInput("A password needs " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
    }
}
