package com.ocrchat.job;

import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Tokens;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.LimitExceeded;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files larger than one request carries: a presigned PUT URL under a key that only the caller can name
 * (it includes a hash of the caller), then a submission with {@code upload_id}.
 */
public final class Uploads {
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Where to PUT the file, and the id to submit it with. */
    public record Ticket(String uploadId, String url, String method, Instant expiresAt, long maxBytes) {}

    private final ObjectStore objects;
    private final long maxBytes;
    private final Clock clock;

    public Uploads(ObjectStore objects, long maxBytes, Clock clock) {
        this.objects = objects;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public Ticket create(Caller caller) {
        String id = UUID.randomUUID().toString();
        return new Ticket(
                id,
                objects.presignedPut(key(caller, id), LIFETIME),
                "PUT",
                clock.instant().plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS),
                maxBytes);
    }

    /** The uploaded file, as if it had come in the request; invalid input when there is none (or not the caller's). */
    public SubmittedFile take(Caller caller, String uploadId) {
        String id = uploadId.strip().toLowerCase(Locale.ROOT);
        InvalidInput unknown = new InvalidInput("Unknown upload_id, or nothing has been uploaded to it yet");
        if (!ID.matcher(id).matches()) {
            throw unknown;
        }
        String key = key(caller, id);
        long size = objects.size(key).orElseThrow(() -> unknown);
        if (size > maxBytes) {
            throw new LimitExceeded("The file is larger than this server accepts", Map.of("max_bytes", maxBytes));
        }
        return new SubmittedFile(id, objects.get(key).orElseThrow(() -> unknown));
    }

    public void discard(Caller caller, String uploadId) {
        objects.delete(key(caller, uploadId.strip().toLowerCase(Locale.ROOT)));
    }

    private static String key(Caller caller, String id) {
        return BucketLayout.incoming(Tokens.hash(caller.owner()).substring(0, 32), id);
    }
}
