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
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Submissions with an {@code Idempotency-Key}: the same key from the same caller within 24 hours stands for the
 * same job, filed and charged once, however the requests race; the key with another request is refused. A
 * request refused before it filed a job leaves the key free, so the caller can correct it and retry.
 */
public final class IdempotentSubmissions {
    private static final Duration KEPT = Duration.ofHours(24);
    /** How long a repeat waits for the first request to file its job (accepting a file takes a second or two). */
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(20);

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final Submissions submissions;
    private final JobQueries queries;
    private final IdempotencyStore keys;
    private final Clock clock;

    public IdempotentSubmissions(Submissions submissions, JobQueries queries, IdempotencyStore keys, Clock clock) {
        this.submissions = submissions;
        this.queries = queries;
        this.keys = keys;
        this.clock = clock;
    }

    public Submissions.Submitted submit(Caller caller, SubmitRequest request, Optional<String> idempotencyKey) {
        if (idempotencyKey.isEmpty()) {
            return submissions.submit(caller, request, uuid -> {});
        }
        if (!KEY.matcher(idempotencyKey.get()).matches()) {
            throw new InvalidInput(
                    "The Idempotency-Key header takes 1 to 255 printable ASCII characters, such as a UUID");
        }
        String key = "idem#" + Tokens.hash(caller.owner() + "\n" + idempotencyKey.get());
        String requestHash = hash(request);
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            Optional<IdempotencyStore.Claim> held =
                    keys.claim(key, requestHash, clock.instant().plus(KEPT));
            if (held.isEmpty()) {
                return first(caller, request, key);
            }
            if (!held.get().requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReused(
                        "This Idempotency-Key was used for another request in the last 24 hours; use a new key for a new request");
            }
            if (held.get().jobUuid().isPresent()) {
                return new Submissions.Submitted(
                        queries.view(caller, held.get().jobUuid().get()), null);
            }
            if (System.nanoTime() > deadline) {
                throw new NotReady(
                        "A request with this Idempotency-Key is still being accepted; retry in a moment", "pending");
            }
            pause();
        }
    }

    private Submissions.Submitted first(Caller caller, SubmitRequest request, String key) {
        AtomicReference<String> filed = new AtomicReference<>();
        try {
            return submissions.submit(caller, request, uuid -> {
                keys.settle(key, uuid);
                filed.set(uuid);
            });
        } catch (RuntimeException refused) {
            if (filed.get() == null) {
                keys.release(key);
            }
            throw refused;
        }
    }

    /** What makes two requests the same: their choices and their file (or upload). */
    private static String hash(SubmitRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            JobOptions.Requested options = request.options();
            for (Optional<String> field : java.util.List.of(
                    options.tier(), options.language(), options.tool(), options.translateTo(), request.uploadId())) {
                digest.update(field.orElse("").getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            request.file().ifPresent(file -> digest.update(file.bytes()));
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
