package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.ocrchat.Application;
import com.ocrchat.auth.Account;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.http.ApiException;
import com.ocrchat.http.ApiRequest;
import com.ocrchat.http.MultipartForm;
import com.ocrchat.job.DynamoJobStore;
import com.ocrchat.job.JobService;
import com.ocrchat.job.Recognizer;
import com.ocrchat.tools.Tools;
import java.util.Optional;
import com.ocrchat.job.JobStatus;
import com.ocrchat.local.TestServer;
import com.ocrchat.metering.Charge;
import com.ocrchat.metering.DynamoMeter;
import com.ocrchat.ocr.Languages;
import com.ocrchat.ocr.OcrFailure;
import com.ocrchat.ocr.OcrPipeline;
import com.ocrchat.settings.Settings;
import com.ocrchat.store.AwsClients;
import com.ocrchat.store.S3ObjectStore;
import com.ocrchat.testing.TestDocuments;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The meter's UTC windows and refunds, against DynamoDB Local with a clock the test moves. */
class MeterWindowsTest {

    @Test
    void anonymousDaysAndFreeMonthsRollOverInUtc() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-31T23:59:00Z"));
        DynamoMeter meter = meter(Map.of("OCRCHAT_ANONYMOUS_DAILY_PAGES", "3", "OCRCHAT_FREE_MONTHLY_PAGES", "4"), now);
        Caller anonymous = Caller.anonymous("192.0.2.201");
        Caller free = Caller.of(new Account(UUID.randomUUID().toString(), Plan.FREE, 0, Instant.now(), false), "192.0.2.1");

        meter.reserve(anonymous, 3);
        ApiException spent = assertThrows(ApiException.class, () -> meter.reserve(anonymous, 1));
        assertEquals(402, spent.status());
        assertEquals(Instant.parse("2026-02-01T00:00:00Z").toString(), spent.body().get("resets_at"));
        meter.reserve(free, 4);
        assertThrows(ApiException.class, () -> meter.reserve(free, 1));

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
        Application application = TestServer.application();
        Settings settings = application.settings;
        var created = application.accounts.create(Plan.PAID, 3);
        Caller caller = Caller.of(created.account(), "203.0.113.60");
        OcrPipeline broken = new OcrPipeline((image, page, languages) -> {
            throw new OcrFailure("the engine fell over");
        }, 1);
        var objects = new S3ObjectStore(AwsClients.s3(settings), AwsClients.s3Presigner(settings), settings.bucket);
        JobService jobs = new JobService(settings, objects, new DynamoJobStore(AwsClients.dynamo(settings), settings.jobsTable),
                new Recognizer(broken, Optional.empty(), Optional.empty(), 1), new Tools(false, false),
                Languages.installedIn(settings.tessdata.orElse(null)), application.meter, (chunks, priority) -> {
                    throw new AssertionError("a one-page file is recognized inline");
                }, application.uploads, Clock.systemUTC());
        // A scan: born-digital pages are read from their text layer and never reach the engine.
        APIGatewayV2HTTPEvent event = ApiEvents.submit(created.token(), "203.0.113.60", "scan.png", TestDocuments.linePng("Hello engine"), Map.of());

        JobService.Submitted submitted = jobs.submit(caller, MultipartForm.parse(new ApiRequest(event), settings.maxFileBytes));

        assertEquals(500, submitted.status());
        assertEquals(JobStatus.FAILED, submitted.job().status());
        assertEquals("the engine fell over", submitted.job().error());
        assertEquals(0, submitted.job().creditsCharged());
        assertEquals(JobStatus.FAILED, application.jobs.get(caller, submitted.job().uuid()).status());
        assertEquals(0, application.meter.balance(caller).used(), "the reserved credits are given back");
        assertEquals(3, application.meter.balance(caller).remaining());
    }

    private static DynamoMeter meter(Map<String, String> overrides, AtomicReference<Instant> now) {
        Settings settings = TestServer.settingsWith(overrides);
        DynamoDbClient dynamo = AwsClients.dynamo(settings);
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
        return new DynamoMeter(dynamo, settings.accountsTable, settings, clock);
    }
}
