package com.ocrchat.functions.ocr;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.ocrchat.concurrent.DaemonThreads;
import java.security.Security;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Amazon Corretto Crypto Provider (AWS's own, native) ahead of the JDK's providers in the OCR functions, which move
 * a job's bytes: its file (fetched by each chunk), its page images and its results. Lambda's java21 runtime stops the
 * JIT at C1, as this image and the local server do, and C1 has none of the intrinsics that make the JDK's AES-GCM and
 * SHA-256 fast: measured here, AES-GCM (TLS to S3, on AWS) at 16 MB/s and SHA-256 at 60 MB/s, against 7,000 and 1,200
 * MB/s native. Locally, where S3 is spoken over HTTP, the SDK signs every chunk of a body with SHA-256 and s3proxy
 * checks each: 60% of the Java samples of a 12-page scan's job. As first provider it also serves SecureRandom, key
 * agreement and signatures. On AWS the zip functions go without it: they start from SnapStart snapshots, which would
 * copy its random generator's state into every restored copy (the local server runs them in this process, with it). Loading it takes 0.25-0.5 s, on a thread of its own, so
 * that a cold start does not wait: what runs before it is installed uses the JDK's. Where the native library cannot
 * load, the JDK's providers serve as before.
 */
final class NativeCrypto {
    private static final Logger LOG = LoggerFactory.getLogger(NativeCrypto.class);

    private static final boolean INSTALLED = install();

    private NativeCrypto() {}

    /** Installs it on a thread of its own (once per process). */
    static void installInBackground() {
        DaemonThreads.named("native-crypto").newThread(NativeCrypto::installed).start();
    }

    /** Installs it first, once, waiting for it; whether it serves (false: the JDK's providers do). */
    static boolean installed() {
        return INSTALLED;
    }

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
        } catch (RuntimeException | LinkageError e) {
            if (added) {
                Security.removeProvider(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
            }
            LOG.warn("native crypto unavailable, the JDK's serves", e);
            return false;
        }
    }
}
