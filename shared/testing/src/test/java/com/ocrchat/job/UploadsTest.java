package com.ocrchat.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.auth.Caller;
import com.ocrchat.error.IdempotencyKeyReused;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.TooManyRequests;
import com.ocrchat.error.UnsupportedDocument;
import com.ocrchat.testing.ForwardingObjectStore;
import com.ocrchat.testing.TestFlow;
import com.ocrchat.testing.TextDocuments;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class UploadsTest {
    private final TestFlow flow = new TestFlow();

    @Test
    void aTicketIsSignedForTheDeclaredSizeWithinTheFileLimit() {
        Uploads.Ticket ticket = flow.uploads.create(flow.paid(1), 1234, "", Optional.empty());
        assertEquals(1234, ticket.maxBytes());
        assertTrue(ticket.url().endsWith("?length=1234"), ticket.url());
        assertThrows(InvalidInput.class, () -> flow.uploads.create(flow.paid(1), 0, "", Optional.empty()));
        assertThrows(LimitExceeded.class, () -> flow.uploads.create(flow.paid(1), (1 << 20) + 1, "", Optional.empty()));
    }

    @Test
    void anonymousCallersGetAFewTicketsPerAddressPerDay() {
        Caller anonymous = Caller.anonymous("198.51.100.20");
        for (int i = 0; i < 3; i++) {
            flow.uploads.create(anonymous, 100, "", Optional.empty());
        }
        TooManyRequests refused =
                assertThrows(TooManyRequests.class, () -> flow.uploads.create(anonymous, 100, "", Optional.empty()));
        assertEquals(3, refused.details().get("limit"));
        flow.uploads.create(
                Caller.anonymous("198.51.100.21"), 100, "", Optional.empty()); // another address has its own
        flow.uploads.create(flow.paid(1), 100, "", Optional.empty()); // accounts are not limited this way
    }

    @Test
    void aRepeatedIdempotencyKeyGivesTheSameUploadAndCountsOnce() {
        Caller anonymous = Caller.anonymous("198.51.100.22");
        Uploads.Ticket first = flow.uploads.create(anonymous, 100, "scan.pdf", Optional.of("upload-1"));
        for (int i = 0; i < 5; i++) {
            Uploads.Ticket again = flow.uploads.create(anonymous, 100, "scan.pdf", Optional.of("upload-1"));
            assertEquals(first.uploadId(), again.uploadId());
            assertEquals(first.url(), again.url());
        }
        flow.uploads.create(anonymous, 100, "", Optional.empty());
        flow.uploads.create(anonymous, 100, "", Optional.empty()); // the repeats took no ticket of the three
        assertThrows(
                IdempotencyKeyReused.class,
                () -> flow.uploads.create(anonymous, 200, "scan.pdf", Optional.of("upload-1")),
                "another size under the same key");
        Caller account = flow.paid(1);
        String theirs = flow.uploads
                .create(account, 100, "scan.pdf", Optional.of("upload-1"))
                .uploadId();
        assertTrue(!theirs.equals(first.uploadId()), "another caller's key is their own");
    }

    @Test
    void anObjectThatGrewPastTheLimitIsRefusedAndDeleted() {
        Caller caller = flow.paid(10);
        Uploads.Ticket ticket = flow.uploads.create(caller, 100, "", Optional.empty());
        String key = uploadedKey(ticket);
        flow.objects.put(key, new byte[(1 << 20) + 1], "application/octet-stream");
        assertThrows(LimitExceeded.class, () -> flow.uploads.take(caller, ticket.uploadId()));
        assertTrue(flow.objects.size(key).isEmpty(), "deleted");
    }

    @Test
    void anUploadRefusedBySubmitIsDeleted() {
        Caller caller = flow.paid(10);
        Uploads.Ticket ticket = flow.uploads.create(caller, 5, "", Optional.empty());
        String key = uploadedKey(ticket);
        flow.objects.put(key, "hello".getBytes(StandardCharsets.UTF_8), "application/octet-stream");
        assertThrows(
                UnsupportedDocument.class,
                () -> flow.submissions.submit(caller, uploadSubmission(ticket, Optional.empty())));
        assertTrue(flow.objects.size(key).isEmpty(), "a refused upload is deleted");
        assertEquals(10, flow.meter.balance(caller).remaining());
    }

    @Test
    void anUploadRefusedWhenItCannotBeDeletedIsStillRefusedAsTheClients() {
        TestFlow deletesFail =
                new TestFlow(Clock.systemUTC(), UnaryOperator.identity(), store -> new ForwardingObjectStore(store) {
                    @Override
                    public void delete(String key) {
                        throw new IllegalStateException("S3 answered 503");
                    }
                });
        Caller caller = deletesFail.paid(10);
        Uploads.Ticket ticket = deletesFail.uploads.create(caller, 5, "", Optional.empty());
        deletesFail.objects.put(uploadedKey(ticket), "hello".getBytes(StandardCharsets.UTF_8), "text/plain");

        assertThrows(
                UnsupportedDocument.class,
                () -> deletesFail.submissions.submit(caller, uploadSubmission(ticket, Optional.empty())),
                "a 400, not a 500 for the delete");
    }

    @Test
    void aSubmittedUploadIsReadAndDeleted() {
        Caller caller = flow.paid(10);
        byte[] document = TextDocuments.of("one page");
        Uploads.Ticket ticket =
                flow.uploads.create(caller, document.length, "C:\\scans\\Quarterly report.txt", Optional.empty());
        flow.objects.put(uploadedKey(ticket), document, "application/octet-stream");
        JobView job = flow.submissions
                .submit(caller, uploadSubmission(ticket, Optional.of("en")))
                .job();
        assertEquals(JobStatus.DONE, job.status());
        assertEquals("Quarterly report.txt", job.filename(), "the job is named after the user's file");
        assertTrue(flow.objects.size(uploadedKey(ticket)).isEmpty());
        assertTrue(flow.objects.size(uploadedKey(ticket) + ".name").isEmpty(), "its name goes with it");
    }

    /** A submission of the ticket's upload, in {@code language} (empty: the default). */
    private static SubmitRequest uploadSubmission(Uploads.Ticket ticket, Optional<String> language) {
        return new SubmitRequest(
                new JobOptions.Requested(Optional.empty(), language, Optional.empty(), Optional.empty()),
                Optional.empty(),
                Optional.of(ticket.uploadId()),
                Optional.empty(),
                Optional.empty());
    }

    /** The in-memory store's presigned URL names the key: memory://put/<key>?length=<n>. */
    private static String uploadedKey(Uploads.Ticket ticket) {
        String url = ticket.url();
        String key = url.substring("memory://put/".length(), url.indexOf('?'));
        assertTrue(key.startsWith("incoming/"), key);
        return key;
    }
}
