package com.ocrchat.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.auth.Caller;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.NotFound;
import com.ocrchat.error.NotReady;
import com.ocrchat.job.JobView;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.testing.TestFlow;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Downloads on in-memory stores: made once and kept, redirected when large, refused clearly. */
class DownloadServiceTest {
    private final TestFlow flow = new TestFlow();

    @Test
    void anExportIsMadeOnceKeptAndRedirectedWhenLarge() {
        Caller caller = flow.paid(10);
        JobView job = flow.submit(caller, "Total: 215.00 USD", "Thank you");
        DownloadService downloads = new DownloadService(flow.queries, flow.objects, 300, 4_000_000);

        DownloadService.Download txt = downloads.download(caller, job.uuid(), "txt", null);
        assertEquals("Total: 215.00 USD\fThank you", new String(txt.bytes(), StandardCharsets.UTF_8));
        assertEquals("doc.txt", txt.filename());
        assertTrue(flow.objects.contains(BucketLayout.export(job.uuid(), "", "txt")));
        flow.objects.put(
                BucketLayout.export(job.uuid(), "", "txt"), "kept".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertEquals(
                "kept",
                new String(downloads.download(caller, job.uuid(), "txt", null).bytes(), StandardCharsets.UTF_8));

        DownloadService.Download large =
                new DownloadService(flow.queries, flow.objects, 300, 0).download(caller, job.uuid(), "md", "false");
        assertNull(large.bytes());
        assertTrue(large.redirect().contains(BucketLayout.export(job.uuid(), "", "md")));

        DownloadService.Download alto = downloads.download(caller, job.uuid(), "alto", null);
        assertEquals("doc.xml", alto.filename());
        assertTrue(new String(alto.bytes(), StandardCharsets.UTF_8).contains("CONTENT=\"215.00\""));
        assertTrue(flow.objects.contains(BucketLayout.export(job.uuid(), "", "alto")));
        assertEquals(
                "doc.hocr", downloads.download(caller, job.uuid(), "hocr", null).filename());
    }

    @Test
    void mistakesAreNamed() {
        Caller caller = flow.paid(10);
        JobView job = flow.submit(caller, "one", "two", "three", "four", "five", "six");
        DownloadService downloads = new DownloadService(flow.queries, flow.objects, 300, 4_000_000);
        NotReady early = assertThrows(NotReady.class, () -> downloads.download(caller, job.uuid(), "pdf", null));
        assertEquals("pending", early.details().get("status"));
        JobView done = flow.submit(caller, "Total: 215.00 USD");
        assertThrows(InvalidInput.class, () -> downloads.download(caller, done.uuid(), "rtf", null));
        assertThrows(InvalidInput.class, () -> downloads.download(caller, done.uuid(), "md", "yes"));
        assertThrows(InvalidInput.class, () -> downloads.download(caller, done.uuid(), "md", "true"), "no translation");
        assertThrows(NotFound.class, () -> downloads.download(flow.paid(1), done.uuid(), "md", null));
    }
}
