package com.ocrchat.testing;

import com.ocrchat.auth.Account;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Plan;
import com.ocrchat.auth.Tokens;
import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.metering.Window;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts, their tokens (by hash only) and their balances in maps, as the accounts table keeps them in
 * one place: a paid account's bought credits are the ledger's. Every change under one lock.
 */
public final class InMemoryAccounts implements AccountStore, BalanceLedger {
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, String> webhookSecrets = new HashMap<>();
    private final Map<String, String> tokenHashes = new HashMap<>();
    private final Map<String, String> accountTokens = new HashMap<>();
    private final Map<String, Long> remaining = new HashMap<>();
    private final Map<Window, Long> counts = new HashMap<>();

    @Override
    public synchronized Created create(Plan plan, long credits) {
        if (plan == Plan.ANONYMOUS) {
            throw new IllegalArgumentException("Anonymous callers have no account");
        }
        Account account = new Account(
                UUID.randomUUID().toString(), plan, credits, Instant.now().truncatedTo(ChronoUnit.SECONDS), false);
        String token = Tokens.generate();
        accounts.put(account.id(), account);
        tokenHashes.put(Tokens.hash(token), account.id());
        accountTokens.put(account.id(), Tokens.hash(token));
        remaining.put(account.id(), credits);
        return new Created(account, token);
    }

    @Override
    public synchronized Optional<Account> find(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public synchronized Optional<Account> findByToken(String token) {
        if (!Tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return Optional.ofNullable(tokenHashes.get(Tokens.hash(token)))
                .map(accounts::get)
                .filter(account -> !account.revoked());
    }

    @Override
    public synchronized Account addCredits(String accountId, long credits) {
        if (credits <= 0) {
            throw new IllegalArgumentException("Credits to add must be positive");
        }
        Account account = accounts.get(accountId);
        if (account == null || account.plan() != Plan.PAID || account.revoked()) {
            throw new IllegalArgumentException("Account " + accountId + " is not a live paid account");
        }
        Account more =
                new Account(account.id(), account.plan(), account.credits() + credits, account.createdAt(), false);
        accounts.put(accountId, more);
        remaining.merge(accountId, credits, Long::sum);
        return more;
    }

    @Override
    public synchronized String rotateToken(String accountId) {
        live(accountId);
        tokenHashes.remove(accountTokens.get(accountId));
        String token = Tokens.generate();
        tokenHashes.put(Tokens.hash(token), accountId);
        accountTokens.put(accountId, Tokens.hash(token));
        return token;
    }

    @Override
    public synchronized String webhookSecret(String accountId) {
        if (!accounts.containsKey(accountId)) {
            throw new IllegalArgumentException("No account " + accountId);
        }
        return webhookSecrets.computeIfAbsent(accountId, id -> Tokens.webhookSecret());
    }

    @Override
    public synchronized void revoke(String accountId) {
        Account account = live(accountId);
        tokenHashes.remove(accountTokens.get(accountId));
        accounts.put(
                accountId, new Account(account.id(), account.plan(), account.credits(), account.createdAt(), true));
    }

    @Override
    public synchronized boolean spend(String accountId, long n) {
        long left = remaining.getOrDefault(accountId, 0L);
        if (left < n) {
            return false;
        }
        remaining.put(accountId, left - n);
        return true;
    }

    @Override
    public synchronized void giveBack(String accountId, long n) {
        remaining.computeIfPresent(accountId, (id, left) -> left + n);
    }

    @Override
    public synchronized Credits credits(String accountId) {
        Account account = accounts.get(accountId);
        return new Credits(account == null ? 0 : account.credits(), remaining.getOrDefault(accountId, 0L));
    }

    @Override
    public synchronized boolean count(Window window, long n, long cap) {
        long used = counts.getOrDefault(window, 0L);
        if (used + n > cap) {
            return false;
        }
        counts.put(window, used + n);
        return true;
    }

    @Override
    public synchronized void uncount(Window window, long n) {
        counts.computeIfPresent(window, (key, used) -> used - n);
    }

    @Override
    public synchronized long counted(Window window) {
        return counts.getOrDefault(window, 0L);
    }

    private Account live(String accountId) {
        Account account = accounts.get(accountId);
        if (account == null) {
            throw new IllegalArgumentException("No account " + accountId);
        }
        if (account.revoked()) {
            throw new IllegalArgumentException("Account " + accountId + " is revoked");
        }
        return account;
    }
}
