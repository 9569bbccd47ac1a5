package com.ocrchat.aws;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Security;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native SHA-256, MD5, HMAC and AES-GCM (the Amazon Corretto Crypto Provider, AWS's own) ahead of the JDK's, in the
 * functions that move a job's bytes: the OCR functions (its file, page images and results) and the downloads (an
 * export made from the page images, a page's image). Lambda's java21 runtime stops the JIT at C1,
 * as the local server does, and C1 has none of the intrinsics that make the JDK's own fast: here its AES-GCM (TLS, on
 * AWS) ran at 16 MB/s and its SHA-256 (which signs every chunk of an S3 body sent over HTTP, as locally) at 60 MB/s,
 * against 7,000 and 1,200 MB/s native; SHA-256 was 60% of the Java samples of a 12-page scan's local job. Loading it
 * takes 0.25-0.5 s, once per process, which the API's other functions (small bodies) are spared. Where the native library
 * cannot load, the JDK's providers serve as before.
 */
public final class NativeCrypto {
    private static final Logger LOG = LoggerFactory.getLogger(NativeCrypto.class);

    private static final boolean INSTALLED = install();

    private NativeCrypto() {}

    /** Installs the provider first, once; whether it serves (false: the JDK's providers do). */
    public static boolean installed() {
        return INSTALLED;
    }

    private static boolean install() {
        try {
            Throwable loading = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
            if (loading != null) {
                LOG.warn("native crypto unavailable, the JDK's serves: {}", loading.toString());
                return false;
            }
            AmazonCorrettoCryptoProvider.install();
            AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
            return true;
        } catch (RuntimeException | LinkageError e) {
            Security.removeProvider(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
            LOG.warn("native crypto unavailable, the JDK's serves: {}", e.toString());
            return false;
        }
    }
}
