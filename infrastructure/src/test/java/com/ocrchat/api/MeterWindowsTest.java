package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.ocrchat.auth.Account;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.aws.AwsClients;
import com.ocrchat.aws.AwsSettings;
import com.ocrchat.aws.DynamoBalanceLedger;
import com.ocrchat.error.PaymentRequired;
import com.ocrchat.error.RecognitionFailure;
import com.ocrchat.http.ApiRequest;
import com.ocrchat.http.ErrorResponses;
import com.ocrchat.http.SubmitForm;
import com.ocrchat.job.JobPages;
import com.ocrchat.job.JobStatus;
import com.ocrchat.job.Submissions;
import com.ocrchat.language.Languages;
import com.ocrchat.local.TestServer;
import com.ocrchat.metering.Charge;
import com.ocrchat.metering.Meter;
import com.ocrchat.metering.Plans;
import com.ocrchat.ocr.DocumentLimits;
import com.ocrchat.ocr.EngineSettings;
import com.ocrchat.ocr.OcrPipeline;
import com.ocrchat.recognition.Recognizer;
import com.ocrchat.settings.Env;
import com.ocrchat.settings.JobFlow;
import com.ocrchat.settings.Limits;
import com.ocrchat.settings.Retention;
import com.ocrchat.store.PageImages;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.tools.ToolCatalog;
import com.ocrchat.wiring.Wiring;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The meter's UTC windows and refunds, against DynamoDB Local with a clock the test moves. */
class MeterWindowsTest {

    @Test
    void anonymousDaysAndFreeMonthsRollOverInUtc() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-31T23:59:00Z"));
        Meter meter = meter(Map.of("OCRCHAT_ANONYMOUS_DAILY_PAGES", "3", "OCRCHAT_FREE_MONTHLY_PAGES", "4"), now);
        Caller anonymous = Caller.anonymous("192.0.2.201");
        Caller free =
                Caller.of(new Account(UUID.randomUUID().toString(), Plan.FREE, 0, Instant.now(), false), "192.0.2.1");

        meter.reserve(anonymous, 3);
        PaymentRequired spent = assertThrows(PaymentRequired.class, () -> meter.reserve(anonymous, 1));
        assertEquals(402, ErrorResponses.status(spent));
        assertEquals(
                Instant.parse("2026-02-01T00:00:00Z").toString(),
                spent.details().get("resets_at"));
        meter.reserve(free, 4);
        assertThrows(PaymentRequired.class, () -> meter.reserve(free, 1));

        now.set(Instant.parse("2026-02-01T00:00:01Z"));
        meter.reserve(anonymous, 3);
        Charge charge = meter.reserve(free, 4);
        assertEquals(4, meter.balance(free).used());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), meter.balance(free).resetsAt());

        meter.refund(charge);
        assertEquals(0, meter.balance(free).used());
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
        Submissions jobs = new Submissions(
                wiring.lifecycle(),
                new JobPages(
                        engine,
                        Languages.installedIn(
                                EngineSettings.from(env).tessdata().orElse(null))),
                wiring.meter(),
                wiring.stores().objects(),
                (chunks, priority) -> {
                    throw new AssertionError("a one-page file is recognized inline");
                },
                wiring.uploads(),
                new Submissions.Rules(
                        new ToolCatalog(false, false),
                        true,
                        Plans.from(env),
                        JobFlow.from(env),
                        Retention.from(env).jobs()),
                Clock.systemUTC());
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

    private static Meter meter(Map<String, String> overrides, AtomicReference<Instant> now) {
        Env env = TestServer.envWith(overrides);
        AwsSettings settings = AwsSettings.from(env);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return new Meter(
                new DynamoBalanceLedger(AwsClients.dynamo(settings), settings.accountsTable()), Plans.from(env), clock);
    }
}
