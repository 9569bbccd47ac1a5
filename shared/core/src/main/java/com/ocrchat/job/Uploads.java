package com.ocrchat.job;

import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.auth.Tokens;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.TooManyRequests;
import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.metering.Window;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files larger than one request carries: a presigned PUT URL for exactly the size the caller declares (the
 * Content-Length is signed, so the object can hold no more), under a key that only the caller can name (it
 * includes a hash of the caller); then a submission with {@code upload_id}, which reads the object with a
 * bound. Anonymous callers get a few tickets per IP and day; an upload is deleted once used or refused.
 */
public final class Uploads {
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final int MAX_NAME_BYTES = 1024;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Where to PUT the file (exactly {@code maxBytes} of it), and the id to submit it with. */
    public record Ticket(String uploadId, String url, String method, Instant expiresAt, long maxBytes) {}

    private final ObjectStore objects;
    private final BalanceLedger ledger;
    private final long maxBytes;
    private final int anonymousPerDay;
    private final Idempotency idempotency;
    private final Clock clock;

    public Uploads(
            ObjectStore objects,
            BalanceLedger ledger,
            long maxBytes,
            int anonymousPerDay,
            Idempotency idempotency,
            Clock clock) {
        this.objects = objects;
        this.ledger = ledger;
        this.maxBytes = maxBytes;
        this.anonymousPerDay = anonymousPerDay;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * A ticket for a file of {@code size} bytes, named {@code filename} (blank: the upload id names it). Under an
     * {@code idempotencyKey} used before for the same size and name, the same upload id with a fresh URL.
     */
    public Ticket create(Caller caller, long size, String filename, Optional<String> idempotencyKey) {
        return idempotency.once(
                caller,
                idempotencyKey,
                Idempotency.requestHash("POST /api/v1/uploads/", Optional.of(size), Optional.ofNullable(filename)),
                made -> {
                    Ticket ticket = create(caller, size, filename);
                    made.accept(ticket.uploadId());
                    return ticket;
                },
                id -> ticket(caller, id, size));
    }

    private Ticket create(Caller caller, long size, String filename) {
        if (size < 1) {
            throw new InvalidInput(
                    "Say how large the file is: {\"size\": <bytes>}; the upload URL takes exactly that many bytes",
                    Map.of("max_bytes", maxBytes));
        }
        if (size > maxBytes) {
            throw new LimitExceeded("The file is larger than this server accepts", Map.of("max_bytes", maxBytes));
        }
        if (caller.plan() == Plan.ANONYMOUS) {
            Window today = Window.day(Window.Kind.ANONYMOUS_UPLOADS, caller.sourceIp(), clock.instant());
            if (!ledger.count(today, 1, anonymousPerDay)) {
                throw new TooManyRequests(
                        "Too many uploads today: " + anonymousPerDay + " per address per day without an account",
                        Map.of(
                                "limit",
                                anonymousPerDay,
                                "resets_at",
                                today.endsAt().toString()));
            }
        }
        String id = UUID.randomUUID().toString();
        String name = SubmittedFile.baseName(filename);
        if (!name.isEmpty()) {
            objects.put(nameKey(caller, id), name.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        }
        return ticket(caller, id, size);
    }

    private Ticket ticket(Caller caller, String id, long size) {
        return new Ticket(
                id,
                objects.presignedPut(key(caller, id), LIFETIME, size),
                "PUT",
                clock.instant().plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS),
                size);
    }

    /**
     * The uploaded file, as if it had come in the request, read with a bound; invalid input when there is
     * none (or not the caller's). One over the bound is refused and deleted.
     */
    public SubmittedFile take(Caller caller, String uploadId) {
        String id = normalId(uploadId);
        InvalidInput unknown = new InvalidInput("Unknown upload_id, or nothing has been uploaded to it yet");
        if (!ID.matcher(id).matches()) {
            throw unknown;
        }
        String key = key(caller, id);
        byte[] bytes = objects.getAtMost(key, maxBytes).orElseThrow(() -> unknown);
        if (bytes.length > maxBytes) {
            objects.delete(key);
            throw new LimitExceeded("The file is larger than this server accepts", Map.of("max_bytes", maxBytes));
        }
        String name = objects.getAtMost(nameKey(caller, id), MAX_NAME_BYTES)
                .map(stored -> new String(stored, StandardCharsets.UTF_8))
                .orElse(id);
        return new SubmittedFile(name, bytes);
    }

    /** An upload id as the caller may write it (spaces around it, capitals) as it is kept. */
    public static String normalId(String uploadId) {
        return uploadId.strip().toLowerCase(Locale.ROOT);
    }

    /** Deletes the upload: used by a job, or refused. */
    public void discard(Caller caller, String uploadId) {
        String id = normalId(uploadId);
        if (ID.matcher(id).matches()) {
            objects.delete(key(caller, id));
            objects.delete(nameKey(caller, id));
        }
    }

    private static String key(Caller caller, String id) {
        return BucketLayout.incoming(Tokens.hash(caller.owner()).substring(0, 32), id);
    }

    private static String nameKey(Caller caller, String id) {
        return BucketLayout.incomingName(Tokens.hash(caller.owner()).substring(0, 32), id);
    }
}
