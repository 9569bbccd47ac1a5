package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.functions.account.GetAccountHandler;
import com.ocrchat.functions.job.GetJobHandler;
import com.ocrchat.functions.ocr.SubmitOcrHandler;
import com.ocrchat.local.TestServer;
import com.ocrchat.metering.Balance;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.WaitUntil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Metering through the real handlers against DynamoDB Local: reservations, caps, 402s, tokens, the account route. */
class MeteringTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static SubmitOcrHandler submit;
    private static GetJobHandler get;
    private static GetAccountHandler account;
    private static byte[] onePage;

    @BeforeAll
    static void setUp() {
        TestServer.get();
        submit = new SubmitOcrHandler();
        get = new GetJobHandler();
        account = new GetAccountHandler();
        onePage = TestDocuments.linePng("Hello metering");
    }

    @Test
    void hundredConcurrentSubmissionsNeverOverspendThirtySevenCredits() throws Exception {
        AccountStore.Created created = TestServer.stores().accounts().create(Plan.PAID, 37);

        List<Integer> statuses = concurrently(
                100,
                () -> submit.handleRequest(
                                ApiEvents.submit(created.token(), "203.0.113.50", "line.png", onePage, Map.of()), null)
                        .getStatusCode());

        assertEquals(37, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(63, statuses.stream().filter(s -> s == 402).count(), statuses.toString());
        Balance balance = TestServer.wiring().meter().balance(Caller.of(created.account(), "x"));
        assertEquals(37, balance.used());
        assertEquals(37, balance.cap());
        assertEquals(0, balance.remaining());
    }

    @Test
    void tenConcurrentSubmissionsWithOneIdempotencyKeyAreOneJobChargedOnce() throws Exception {
        AccountStore.Created created = TestServer.stores().accounts().create(Plan.PAID, 10);
        String key = java.util.UUID.randomUUID().toString();

        List<String> answers = concurrently(10, () -> {
            var event = ApiEvents.submit(created.token(), "203.0.113.52", "line.png", onePage, Map.of());
            event.getHeaders().put("idempotency-key", key);
            var response = submit.handleRequest(event, null);
            return response.getStatusCode() + " "
                    + MAPPER.readTree(response.getBody()).path("uuid").asText();
        });

        // The job as it stands when each answer goes out: done (200) for the one that read it, processing (202)
        // or done for the repeats.
        assertEquals(
                1,
                answers.stream().map(answer -> answer.substring(4)).distinct().count(),
                answers.toString());
        assertTrue(answers.stream().anyMatch(answer -> answer.startsWith("200 ")), answers.toString());
        assertTrue(answers.stream().allMatch(answer -> answer.startsWith("200 ") || answer.startsWith("202 ")));
        Balance balance = TestServer.wiring().meter().balance(Caller.of(created.account(), "x"));
        assertEquals(1, balance.used(), "charged once");

        var other = ApiEvents.submit(
                created.token(), "203.0.113.52", "other.png", TestDocuments.linePng("Another"), Map.of());
        other.getHeaders().put("idempotency-key", key);
        var refused = submit.handleRequest(other, null);
        assertEquals(422, refused.getStatusCode(), refused.getBody());
        assertTrue(MAPPER.readTree(refused.getBody()).get("error").asText().contains("Idempotency-Key"));
    }

    @Test
    void concurrentMultiPageFilesTakeOnlyWhatFits() throws Exception {
        AccountStore.Created created = TestServer.stores().accounts().create(Plan.PAID, 10);
        byte[] threePages = TestDocuments.smallPagesPdf(3);

        List<Integer> statuses = concurrently(
                10,
                () -> submit.handleRequest(
                                ApiEvents.submit(created.token(), "203.0.113.51", "three.pdf", threePages, Map.of()),
                                null)
                        .getStatusCode());

        assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(
                1,
                TestServer.wiring()
                        .meter()
                        .balance(Caller.of(created.account(), "x"))
                        .remaining());
        JsonNode refused = body(
                submit.handleRequest(
                        ApiEvents.submit(created.token(), "203.0.113.51", "three.pdf", threePages, Map.of()), null),
                402);
        assertEquals(9, refused.get("used").asInt());
        assertEquals(10, refused.get("cap").asInt());
        assertEquals(3, refused.get("needed").asInt());
    }

    @Test
    void anAnonymousCallerHasADailyAllowancePerIpAndAPerFileCap() {
        String ip = "198.51.100.77";
        APIGatewayV2HTTPResponse first = submit.handleRequest(
                ApiEvents.submit(null, ip, "five.pdf", TestDocuments.smallPagesPdf(5), Map.of()), null);
        body(first, 200);
        assertEquals("10", first.getHeaders().get("x-ratelimit-limit"));
        assertEquals("5", first.getHeaders().get("x-ratelimit-remaining"));
        body(
                submit.handleRequest(
                        ApiEvents.submit(null, ip, "four.pdf", TestDocuments.smallPagesPdf(4), Map.of()), null),
                200);

        APIGatewayV2HTTPResponse refused = submit.handleRequest(
                ApiEvents.submit(null, ip, "two.pdf", TestDocuments.smallPagesPdf(2), Map.of()), null);
        JsonNode error = body(refused, 402);
        assertEquals(9, error.get("used").asInt());
        assertEquals(10, error.get("cap").asInt());
        assertEquals(2, error.get("needed").asInt());
        assertTrue(error.get("error").asText().contains("daily allowance"));
        assertEquals("1", refused.getHeaders().get("x-ratelimit-remaining"));

        body(submit.handleRequest(ApiEvents.submit(null, ip, "line.png", onePage, Map.of()), null), 200);
        JsonNode spent =
                body(submit.handleRequest(ApiEvents.submit(null, ip, "line.png", onePage, Map.of()), null), 402);
        assertEquals(10, spent.get("used").asInt());
        body(submit.handleRequest(ApiEvents.submit(null, "198.51.100.78", "line.png", onePage, Map.of()), null), 200);

        JsonNode tooLong = body(
                submit.handleRequest(
                        ApiEvents.submit(null, "198.51.100.79", "six.pdf", TestDocuments.smallPagesPdf(6), Map.of()),
                        null),
                400);
        assertEquals(5, tooLong.get("cap").asInt());
        assertTrue(tooLong.get("error").asText().contains("free account takes 20"), tooLong.toString());
    }

    @Test
    void aFreeAccountsFileOverItsCapNamesThePaidPlan() {
        String token = TestServer.stores().accounts().create(Plan.FREE, 0).token();

        JsonNode error = body(
                submit.handleRequest(
                        ApiEvents.submit(token, "203.0.113.52", "long.pdf", TestDocuments.smallPagesPdf(21), Map.of()),
                        null),
                400);

        assertEquals(20, error.get("cap").asInt());
        assertTrue(error.get("error").asText().contains("paid plan takes 500"), error.toString());
    }

    @Test
    void rotatedAndRevokedTokensStopWorkingAtOnce() {
        AccountStore.Created created = TestServer.stores().accounts().create(Plan.PAID, 5);
        String uuid = body(
                        submit.handleRequest(
                                ApiEvents.submit(created.token(), "203.0.113.53", "line.png", onePage, Map.of()), null),
                        200)
                .get("uuid")
                .asText();

        String rotated =
                TestServer.stores().accounts().rotateToken(created.account().id());
        body(get.handleRequest(ApiEvents.getJob(created.token(), "203.0.113.53", uuid), null), 401);
        assertEquals(
                "done",
                body(get.handleRequest(ApiEvents.getJob(rotated, "203.0.113.53", uuid), null), 200)
                        .get("status")
                        .asText());

        TestServer.stores().accounts().revoke(created.account().id());
        JsonNode revoked = body(get.handleRequest(ApiEvents.getJob(rotated, "203.0.113.53", uuid), null), 401);
        assertTrue(revoked.get("error").asText().contains("revoked"));
        assertThrows(
                IllegalArgumentException.class,
                () -> TestServer.stores()
                        .accounts()
                        .rotateToken(created.account().id()));
    }

    @Test
    void theAccountRouteShowsPlanBalanceAndRecentJobs() throws Exception {
        AccountStore.Created paid = TestServer.stores().accounts().create(Plan.PAID, 50);
        String uuid = body(
                        submit.handleRequest(
                                ApiEvents.submit(
                                        paid.token(),
                                        "203.0.113.54",
                                        "two.pdf",
                                        TestDocuments.smallPagesPdf(2),
                                        Map.of()),
                                null),
                        200)
                .get("uuid")
                .asText();
        TestServer.stores().accounts().addCredits(paid.account().id(), 25);

        JsonNode overview = body(account.handleRequest(ApiEvents.getAccount(paid.token(), "203.0.113.54"), null), 200);

        assertEquals("paid", overview.get("plan").asText());
        assertEquals(75, overview.get("cap").asInt());
        assertEquals(2, overview.get("used").asInt());
        assertEquals(73, overview.get("remaining").asInt());
        assertTrue(overview.get("resets_at").isNull());
        assertEquals(500, overview.get("max_pages_per_file").asInt());
        assertEquals(1, overview.get("credits_per_page").get("cpu").asInt());
        assertEquals(5, overview.get("credits_per_page").get("vlm").asInt());
        JsonNode recent = eventually(() -> body(
                        account.handleRequest(ApiEvents.getAccount(paid.token(), "203.0.113.54"), null), 200)
                .get("recent_jobs"));
        assertEquals(uuid, recent.get(0).get("uuid").asText());
        assertEquals(2, recent.get(0).get("credits_charged").asInt());

        AccountStore.Created free = TestServer.stores().accounts().create(Plan.FREE, 0);
        APIGatewayV2HTTPResponse freeResponse =
                account.handleRequest(ApiEvents.getAccount(free.token(), "203.0.113.54"), null);
        JsonNode freeOverview = body(freeResponse, 200);
        assertEquals(100, freeOverview.get("cap").asInt());
        assertTrue(
                freeOverview.get("resets_at").asText().matches("\\d{4}-\\d\\d-01T00:00:00Z"), freeOverview.toString());
        assertEquals("100", freeResponse.getHeaders().get("x-ratelimit-remaining"));

        body(account.handleRequest(ApiEvents.getAccount(null, "203.0.113.54"), null), 401);
    }

    private static JsonNode eventually(WaitUntil.Read<JsonNode> read) {
        return WaitUntil.value(read, value -> !value.isEmpty(), java.time.Duration.ofSeconds(5));
    }

    private static <T> List<T> concurrently(int count, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response, int status) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        try {
            return MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
