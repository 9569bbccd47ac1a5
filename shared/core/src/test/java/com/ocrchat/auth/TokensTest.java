package com.ocrchat.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void tokensAreRandomWellFormedAndStoredAsSha256() {
        String token = Tokens.generate();
        assertTrue(Tokens.isWellFormed(token), token);
        assertNotEquals(token, Tokens.generate());
        assertEquals(64, Tokens.hash(token).length());
        assertEquals(Tokens.hash(token), Tokens.hash(token));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.hash("abc"));
    }

    @Test
    void malformedTokensAreRecognised() {
        assertFalse(Tokens.isWellFormed(null));
        assertFalse(Tokens.isWellFormed("YOUR_API_TOKEN"));
        assertFalse(Tokens.isWellFormed("ocr_short"));
        assertFalse(Tokens.isWellFormed(Tokens.generate() + "x"));
    }
}
