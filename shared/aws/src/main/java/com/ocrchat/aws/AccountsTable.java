package com.ocrchat.aws;

import com.ocrchat.metering.Window;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key layout of the accounts table (one key, {@code pk}): {@code account#<id>} holds an account and
 * its bought credits, {@code token#<sha256>} points a token's hash at its account, {@code usage#ip#<ip>#<day>}
 * and {@code usage#account#<id>#<month>} count pages of renewing allowances, {@code chat#<id>#<day>} chat
 * messages, {@code signups#ip#<ip>#<day>} sign-ups, {@code logins#ip#<ip>#<day>} failed log-ins; {@code login#<email>} holds a person's password hash and
 * account, {@code session#<sha256>} a signed-in browser's session. Counting items expire by the table's TTL ({@code expires_at_epoch}) a day after their window, sessions when they end.
 */
final class AccountsTable {
    static final String KEY = "pk";
    static final String EXPIRES = "expires_at_epoch";

    private AccountsTable() {}

    static String account(String accountId) {
        return "account#" + accountId;
    }

    static String login(String email) {
        return "login#" + email;
    }

    static String session(String sessionHash) {
        return "session#" + sessionHash;
    }

    static String token(String tokenHash) {
        return "token#" + tokenHash;
    }

    static String window(Window window) {
        return switch (window.kind()) {
            case ANONYMOUS_PAGES -> "usage#ip#" + window.subject() + "#" + window.period();
            case ACCOUNT_PAGES -> "usage#account#" + window.subject() + "#" + window.period();
            case CHAT_MESSAGES -> "chat#" + window.subject() + "#" + window.period();
            case ANONYMOUS_UPLOADS -> "uploads#ip#" + window.subject() + "#" + window.period();
            case SIGN_UPS -> "signups#ip#" + window.subject() + "#" + window.period();
            case LOGIN_FAILURES -> "logins#ip#" + window.subject() + "#" + window.period();
        };
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of(KEY, AttributeValue.fromS(pk));
    }
}
