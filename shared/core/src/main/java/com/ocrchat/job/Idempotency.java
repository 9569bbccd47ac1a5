package com.ocrchat.job;

import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Tokens;
import com.ocrchat.error.IdempotencyKeyReused;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.NotReady;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header: the same key from the same caller within 24 hours stands for the same
 * request, whose result (a job, an upload) is made once however the requests race; the key with another request
 * (another body, or another route) is refused. A request refused before it made anything leaves the key free, so
 * the caller can correct it and retry.
 */
public final class Idempotency {
    private static final Duration KEPT = Duration.ofHours(24);
    /** How long a repeat waits for the first request to make its result (accepting a file takes a second or two). */
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(20);
    /**
     * A claim that made nothing for this long was left by a request that died (no function runs past 30 s): a
     * retry takes it over instead of waiting for 24 hours.
     */
    static final Duration LEASE = Duration.ofSeconds(60);

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** The first request's work; it calls {@code made} with its result's id as soon as that exists. */
    public interface FirstRequest<T> {
        T run(Consumer<String> made);
    }

    private final IdempotencyStore keys;
    private final Clock clock;

    public Idempotency(IdempotencyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Runs {@code first} for a new key (or none); for a key already used with the same {@code requestHash}, answers
     * {@code repeat} of the first request's result id.
     */
    public <T> T once(
            Caller caller,
            Optional<String> idempotencyKey,
            String requestHash,
            FirstRequest<T> first,
            Function<String, T> repeat) {
        if (idempotencyKey.isEmpty()) {
            return first.run(id -> {});
        }
        if (!KEY.matcher(idempotencyKey.get()).matches()) {
            throw new InvalidInput(
                    "The Idempotency-Key header takes 1 to 255 printable ASCII characters, such as a UUID");
        }
        return once(
                "idem#" + Tokens.hash(caller.owner() + "\n" + idempotencyKey.get()),
                requestHash,
                first,
                repeat,
                () -> new IdempotencyKeyReused("This Idempotency-Key was used for another request in the last 24 hours;"
                        + " use a new key for a new request"),
                "A request with this Idempotency-Key is still being accepted; retry in a moment");
    }

    /**
     * As {@link #once} for a submission of an upload: the upload, used once, is a key of its own (no key a caller can
     * send has its space). So a retry of it (after a timeout, say) answers the job the first filed, charged once, where
     * it found the upload gone; two at once make one job. Another request with it is refused as the upload gone would
     * be.
     */
    public <T> T onceForUpload(
            Caller caller, String uploadId, String requestHash, FirstRequest<T> first, Function<String, T> repeat) {
        return once(
                "idem#" + Tokens.hash(caller.owner() + "\nupload " + Uploads.normalId(uploadId)),
                requestHash,
                first,
                repeat,
                () -> new InvalidInput("This upload_id was submitted already, another way: upload the file again to"
                        + " submit it with other options"),
                "A request with this upload_id is still being accepted; retry in a moment");
    }

    private <T> T once(
            String key,
            String requestHash,
            FirstRequest<T> first,
            Function<String, T> repeat,
            Supplier<RuntimeException> reused,
            String pending) {
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            Instant now = clock.instant();
            Optional<IdempotencyStore.Claim> held = keys.claim(key, requestHash, now.plus(KEPT), now.minus(LEASE));
            if (held.isEmpty()) {
                return runFirst(first, key);
            }
            if (!held.get().requestHash().equals(requestHash)) {
                throw reused.get();
            }
            if (held.get().resultId().isPresent()) {
                return repeat.apply(held.get().resultId().get());
            }
            if (System.nanoTime() > deadline) {
                throw new NotReady(pending, "pending");
            }
            pause();
        }
    }

    private <T> T runFirst(FirstRequest<T> first, String key) {
        AtomicReference<String> made = new AtomicReference<>();
        try {
            return first.run(id -> {
                keys.settle(key, id);
                made.set(id);
            });
        } catch (RuntimeException refused) {
            if (made.get() == null) {
                try {
                    keys.release(key);
                } catch (RuntimeException notReleased) { // the claim lapses after its lease; the refusal is the answer
                    refused.addSuppressed(notReleased);
                }
            }
            throw refused;
        }
    }

    /** A request's identity: its route, then each of its parts (absent ones count as empty). */
    public static String requestHash(String route, Optional<?>... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(route.getBytes(StandardCharsets.UTF_8));
            for (Optional<?> part : parts) {
                digest.update((byte) 0);
                Object value = part.isPresent() ? part.get() : "";
                digest.update(
                        value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReady("Interrupted while waiting for the first request with this Idempotency-Key", "pending");
        }
    }
}
