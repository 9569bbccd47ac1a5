package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.aws.AwsClients;
import com.ocrchat.aws.AwsSettings;
import com.ocrchat.aws.DynamoBalanceLedger;
import com.ocrchat.error.RecognitionFailure;
import com.ocrchat.http.ApiRequest;
import com.ocrchat.http.ErrorResponses;
import com.ocrchat.http.SubmitForm;
import com.ocrchat.job.Chunk;
import com.ocrchat.job.ChunkQueue;
import com.ocrchat.job.JobPages;
import com.ocrchat.job.JobStatus;
import com.ocrchat.job.Submissions;
import com.ocrchat.language.Languages;
import com.ocrchat.local.TestServer;
import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.ocr.DocumentLimits;
import com.ocrchat.ocr.EngineSettings;
import com.ocrchat.ocr.OcrPipeline;
import com.ocrchat.recognition.Recognizer;
import com.ocrchat.settings.Env;
import com.ocrchat.settings.Limits;
import com.ocrchat.store.PageImages;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.contract.MeterContract;
import com.ocrchat.wiring.Wiring;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The meter's UTC windows and refunds, against DynamoDB Local with a clock the test moves. */
class MeterWindowsTest {

    /** The meter's UTC windows and refunds on DynamoDB Local (MeterTest runs the same on the in-memory ledger). */
    @Nested
    class Windows extends MeterContract {
        @Override
        protected BalanceLedger ledger() {
            AwsSettings settings = TestServer.stores().settings();
            return new DynamoBalanceLedger(AwsClients.dynamo(settings), settings.accountsTable());
        }
    }

    @Test
    void aJobTheEngineFailsIsFailedAndItsCreditsComeBack() {
        Wiring wiring = TestServer.wiring();
        Env env = wiring.env();
        var created = TestServer.stores().accounts().create(Plan.PAID, 3);
        Caller caller = Caller.of(created.account(), "203.0.113.60");
        OcrPipeline broken = new OcrPipeline(
                (image, page, languages) -> {
                    throw new RecognitionFailure("the engine fell over");
                },
                1);
        Limits limits = Limits.from(env);
        Recognizer engine = new Recognizer(
                new DocumentLimits(limits.maxPixelsPerPage(), limits.pdfDpi()),
                broken,
                Optional.empty(),
                Optional.empty(),
                1,
                new PageImages(wiring.stores().objects()));
        Submissions jobs = TestServer.submissions(
                new JobPages(
                        engine,
                        Languages.installedIn(
                                EngineSettings.from(env).tessdata().orElse(null))),
                new ChunkQueue() {
                    @Override
                    public void send(java.util.List<Chunk> chunks, boolean priority) {
                        throw new AssertionError("a one-page file is recognized inline");
                    }

                    @Override
                    public boolean hasWaiting(boolean priority) {
                        return false;
                    }
                });
        // A scan: born-digital pages are read from their text layer and never reach the engine.
        APIGatewayV2HTTPEvent event = ApiEvents.submit(
                created.token(), "203.0.113.60", "scan.png", TestDocuments.linePng("Hello engine"), Map.of());

        Submissions.Submitted submitted =
                jobs.submit(caller, SubmitForm.parse(new ApiRequest(event), limits.maxFileBytes()));

        assertEquals(500, ErrorResponses.status(submitted.failure()));
        assertEquals(JobStatus.FAILED, submitted.job().status());
        assertEquals("the engine fell over", submitted.job().error());
        assertEquals(0, submitted.job().creditsCharged());
        assertEquals(
                JobStatus.FAILED,
                wiring.jobQueries().view(caller, submitted.job().uuid()).status());
        assertEquals(0, TestServer.wiring().meter().balance(caller).used(), "the reserved credits are given back");
        assertEquals(3, TestServer.wiring().meter().balance(caller).remaining());
    }
}
