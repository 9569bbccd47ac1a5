package com.ocrchat.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ocrchat.auth.Caller;
import com.ocrchat.error.IdempotencyKeyReused;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.UnsupportedDocument;
import com.ocrchat.testing.TestFlow;
import com.ocrchat.testing.TextDocuments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IdempotentSubmissionsTest {
    private final TestFlow flow = new TestFlow();
    private final IdempotentSubmissions submissions =
            new IdempotentSubmissions(flow.submissions, flow.queries, flow.idempotency);

    @Test
    void theSameKeyAndRequestRacingAreOneJobChargedOnce() throws Exception {
        Caller caller = flow.paid(10);
        ExecutorService racers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(() ->
                        submit(caller, "key-1", TextDocuments.of("one", "two")).uuid());
            }
            Set<String> jobs = new HashSet<>();
            for (Future<String> job : racers.invokeAll(requests)) {
                jobs.add(job.get());
            }
            assertEquals(1, jobs.size(), "one job");
        } finally {
            racers.shutdownNow();
        }
        assertEquals(2, flow.meter.balance(caller).used(), "charged once: two pages");
        assertEquals(2, flow.engine.pagesRead(), "read once");
    }

    @Test
    void anotherRequestUnderAUsedKeyIsRefusedAndAnotherCallersKeyIsTheirOwn() {
        Caller caller = flow.paid(10);
        JobView first = submit(caller, "key-2", TextDocuments.of("one"));
        assertThrows(IdempotencyKeyReused.class, () -> submit(caller, "key-2", TextDocuments.of("another")));
        Caller other = flow.paid(10);
        JobView theirs = submit(other, "key-2", TextDocuments.of("one"));
        assertEquals(false, first.uuid().equals(theirs.uuid()));
        assertEquals(
                first.uuid(), submit(caller, "key-2", TextDocuments.of("one")).uuid());
        assertEquals(1, flow.meter.balance(caller).used());
    }

    @Test
    void aRequestRefusedBeforeItFiledAJobLeavesItsKeyFree() {
        Caller caller = flow.paid(10);
        byte[] notADocument = "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThrows(UnsupportedDocument.class, () -> submit(caller, "key-3", notADocument));
        JobView corrected = submit(caller, "key-3", TextDocuments.of("one"));
        assertEquals(JobStatus.DONE, corrected.status());
        assertThrows(InvalidInput.class, () -> submit(caller, "a key with spaces", TextDocuments.of("one")));
    }

    @Test
    void anUploadSubmittedTwiceWithoutAKeyIsOneJobChargedOnceEvenAtOnce() throws Exception {
        Caller caller = flow.paid(10);
        String upload = uploaded(caller, TextDocuments.of("one", "two"));
        ExecutorService racers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> requests = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                requests.add(() -> submitUpload(caller, upload, "en").uuid());
            }
            Set<String> jobs = new HashSet<>();
            for (Future<String> job : racers.invokeAll(requests)) {
                jobs.add(job.get());
            }
            assertEquals(1, jobs.size(), "one job");
            assertEquals(
                    jobs.iterator().next(), submitUpload(caller, upload, "en").uuid(), "a retry later too");
        } finally {
            racers.shutdownNow();
        }
        assertEquals(2, flow.meter.balance(caller).used(), "charged once: two pages");
        assertEquals(2, flow.engine.pagesRead(), "read once");
        InvalidInput another = assertThrows(InvalidInput.class, () -> submitUpload(caller, upload, "de"));
        assertEquals(
                "This upload_id was submitted already, another way: upload the file again to submit it with other"
                        + " options",
                another.getMessage());
    }

    @Test
    void anUploadSubmittedUnderFreshKeysEachTimeIsStillOneJob() throws Exception {
        Caller caller = flow.paid(10);
        String upload = uploaded(caller, TextDocuments.of("one", "two"));
        ExecutorService racers = Executors.newFixedThreadPool(4);
        Set<String> jobs = new HashSet<>();
        try {
            List<Callable<String>> requests = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String key = "fresh-" + i; // as a client that makes a new key for every call
                requests.add(() ->
                        submitUpload(caller, upload, "en", Optional.of(key)).uuid());
            }
            for (Future<String> job : racers.invokeAll(requests)) {
                jobs.add(job.get());
            }
        } finally {
            racers.shutdownNow();
        }
        assertEquals(1, jobs.size(), "one job");
        String job = jobs.iterator().next();
        assertEquals(
                job,
                submitUpload(caller, " " + upload.toUpperCase() + " ", "en").uuid(),
                "written another way");
        assertEquals(
                job, submitUpload(caller, upload, "en", Optional.of("fresh-2")).uuid(), "its key settled too");
        assertEquals(2, flow.meter.balance(caller).used(), "charged once");
    }

    /** A file put where its ticket says, as the caller's PUT would; the upload's id. */
    private String uploaded(Caller caller, byte[] document) {
        Uploads.Ticket ticket = flow.uploads.create(caller, document.length, "scan.txt", Optional.empty());
        String url = ticket.url(); // memory://put/<key>?length=<n>
        flow.objects.put(url.substring("memory://put/".length(), url.indexOf('?')), document, "text/plain");
        return ticket.uploadId();
    }

    private JobView submitUpload(Caller caller, String uploadId, String language) {
        return submitUpload(caller, uploadId, language, Optional.empty());
    }

    private JobView submitUpload(Caller caller, String uploadId, String language, Optional<String> key) {
        return submissions
                .submit(
                        caller,
                        new SubmitRequest(
                                new JobOptions.Requested(
                                        Optional.empty(), Optional.of(language), Optional.empty(), Optional.empty()),
                                Optional.empty(),
                                Optional.of(uploadId),
                                Optional.empty(),
                                Optional.empty()),
                        key)
                .job();
    }

    private JobView submit(Caller caller, String key, byte[] document) {
        return submissions
                .submit(
                        caller,
                        new SubmitRequest(
                                new JobOptions.Requested(
                                        Optional.empty(), Optional.of("en"), Optional.empty(), Optional.empty()),
                                Optional.of(new SubmittedFile("doc.txt", document)),
                                Optional.empty(),
                                java.util.Optional.empty(),
                                java.util.Optional.empty()),
                        Optional.of(key))
                .job();
    }
}
