package com.ocrchat.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Plan;
import com.ocrchat.auth.Tokens;
import org.junit.jupiter.api.Test;

/** What every account store promises: tokens by hash, rotation and revocation at once. A subclass gives the store. */
public abstract class AccountStoreContract {

    protected abstract AccountStore accounts();

    @Test
    void anAccountIsFoundByItsTokenWhichIsShownOnce() {
        AccountStore.Created created = accounts().create(Plan.PAID, 40);
        assertTrue(Tokens.isWellFormed(created.token()));
        assertEquals(
                created.account().id(),
                accounts().findByToken(created.token()).orElseThrow().id());
        assertEquals(40, accounts().find(created.account().id()).orElseThrow().credits());
        assertTrue(accounts().findByToken(Tokens.generate()).isEmpty());
        assertTrue(accounts().findByToken("not a token").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> accounts().create(Plan.ANONYMOUS, 0));
    }

    @Test
    void aRotatedTokenStopsAtOnceAndARevokedAccountHasNone() {
        AccountStore.Created created = accounts().create(Plan.FREE, 0);
        String rotated = accounts().rotateToken(created.account().id());
        assertTrue(accounts().findByToken(created.token()).isEmpty());
        assertTrue(accounts().findByToken(rotated).isPresent());
        accounts().revoke(created.account().id());
        assertTrue(accounts().findByToken(rotated).isEmpty());
        assertTrue(accounts().find(created.account().id()).orElseThrow().revoked());
        assertThrows(
                IllegalArgumentException.class,
                () -> accounts().rotateToken(created.account().id()));
    }

    @Test
    void onlyALivePaidAccountBuysCredits() {
        AccountStore.Created paid = accounts().create(Plan.PAID, 10);
        assertEquals(35, accounts().addCredits(paid.account().id(), 25).credits());
        AccountStore.Created free = accounts().create(Plan.FREE, 0);
        assertThrows(
                IllegalArgumentException.class,
                () -> accounts().addCredits(free.account().id(), 5));
        assertThrows(
                IllegalArgumentException.class,
                () -> accounts().addCredits(paid.account().id(), 0));
        assertFalse(accounts().find(free.account().id()).orElseThrow().revoked());
    }

    @Test
    void anAccountsWebhookSecretIsMadeOnceAndIsItsOwn() {
        String first = accounts().create(Plan.PAID, 1).account().id();
        String secret = accounts().webhookSecret(first);
        assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), secret);
        assertEquals(secret, accounts().webhookSecret(first));
        assertFalse(secret.equals(accounts()
                .webhookSecret(accounts().create(Plan.FREE, 0).account().id())));
        assertThrows(IllegalArgumentException.class, () -> accounts().webhookSecret("no-such-account"));
    }
}
