package com.ocrchat.aws;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.ocrchat.concurrent.DaemonThreads;
import java.security.Security;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Amazon Corretto Crypto Provider (AWS's own, native) ahead of the JDK's providers in the functions that move a
 * job's bytes: the OCR functions (its file, fetched by each chunk, its page images and its results) and the downloads
 * (an export made from the page images). Lambda's java21 runtime stops the JIT at C1, as the OCR image and the local
 * server do, and C1 has none of the intrinsics that make the JDK's AES-GCM and SHA-256 fast: measured here, AES-GCM
 * (TLS to S3, on AWS) at 16 MB/s and SHA-256 at 60 MB/s, against 7,000 and 1,200 MB/s native. Locally, where S3 is
 * spoken over HTTP, the SDK signs every chunk of a body with SHA-256 and s3proxy checks each: 60% of the Java samples
 * of a 12-page scan's job. As first provider it also serves SecureRandom, key agreement and signatures, so a function
 * started from a SnapStart snapshot installs it only once it serves requests, never before the snapshot, which would
 * copy its random generator's state into every restored copy. Loading it takes 0.25-0.5 s, on a thread of its own, so
 * that a cold start does not wait: what runs before it is installed uses the JDK's (a TLS connection opened before
 * keeps the JDK's cipher while it is reused). Where the native library cannot load, the JDK's providers serve as
 * before.
 */
public final class NativeCrypto {
    private static final Logger LOG = LoggerFactory.getLogger(NativeCrypto.class);

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private NativeCrypto() {}

    /** Loaded when first asked for, by the thread that asks (not when this class is: it loads for a cold start). */
    private static final class Installation {
        static final boolean INSTALLED = install();

        private static boolean install() {
            boolean added = false;
            try {
                Throwable loading = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
                if (loading != null) {
                    LOG.warn("native crypto unavailable, the JDK's serves", loading);
                    return false;
                }
                AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
                added = Security.insertProviderAt(AmazonCorrettoCryptoProvider.INSTANCE, 1) == 1;
                if (!added) {
                    LOG.warn("native crypto was registered already, not first: the JDK's serves before it");
                    return false;
                }
                LOG.info("native crypto installed");
                return true;
            } catch (RuntimeException | Error e) {
                // Whatever stops it (a missing library, memory): the JDK's providers serve, and a caller waiting on
                // this holder never meets a broken class.
                if (added) {
                    Security.removeProvider(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
                }
                LOG.warn("native crypto unavailable, the JDK's serves", e);
                return false;
            }
        }
    }

    /** Installs it on a thread of its own, once per process; returns at once. */
    public static void installInBackground() {
        if (STARTED.compareAndSet(false, true)) {
            DaemonThreads.named("native-crypto")
                    .newThread(NativeCrypto::installed)
                    .start();
        }
    }

    /** Installs it first, once, waiting for it; whether it serves (false: the JDK's providers do). */
    public static boolean installed() {
        return Installation.INSTALLED;
    }
}
