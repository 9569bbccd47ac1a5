package com.ocrchat.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The only test in this module that installs the provider: it is installed once per process. */
class NativeCryptoTest {

    @Test
    void loadsOnItsOwnThreadThenHashesAndEncryptsNativelyAsTheJdkDoes() throws Exception {
        assumeTrue(
                System.getProperty("os.name").equals("Linux")
                        && System.getProperty("os.arch").equals("amd64"),
                "the provider is bundled for x86_64 Linux, as the functions are deployed");
        Logger log = (Logger) LoggerFactory.getLogger(NativeCrypto.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        log.addAppender(events);
        try {
            NativeCrypto.installInBackground();
            // Nothing here asks for it: it is installed by the thread it started, or never.
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (events.list.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            log.detachAppender(events);
        }
        assertTrue(NativeCrypto.installed(), "the native provider loads on this platform (x86_64 Linux, as deployed)");
        assertEquals(1, events.list.size(), events.list.toString());
        assertEquals("native crypto installed", events.list.get(0).getFormattedMessage());
        String thread = events.list.get(0).getThreadName();
        assertTrue(thread.startsWith("native-crypto"), "loaded by the caller's thread, which waited for it: " + thread);

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
