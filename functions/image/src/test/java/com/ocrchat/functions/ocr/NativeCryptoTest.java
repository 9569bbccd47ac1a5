package com.ocrchat.functions.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class NativeCryptoTest {

    @Test
    void hashingAndTlsCiphersAreNativeAndHashAsTheJdkDoes() throws Exception {
        assumeTrue(
                System.getProperty("os.name").equals("Linux")
                        && System.getProperty("os.arch").equals("amd64"),
                "the provider is bundled for x86_64 Linux, as the functions are deployed");
        assertTrue(NativeCrypto.installed(), "the native provider loads on this platform (x86_64 Linux, as deployed)");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        assertEquals("AmazonCorrettoCryptoProvider", sha256.getProvider().getName());
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(sha256.digest("abc".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(
                "AmazonCorrettoCryptoProvider",
                Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
    }
}
