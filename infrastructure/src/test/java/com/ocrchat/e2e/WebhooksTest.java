package com.ocrchat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.auth.Plan;
import com.ocrchat.local.LocalServer;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import com.ocrchat.testing.WaitUntil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * callback_url through the local server, to a receiver on this machine: signed POSTs in the Standard Webhooks
 * scheme, verified here from the spec (not with the server's own code), retries through the queue, the delivery
 * log, redelivery. The test server retries after 1, 2 and 3 seconds.
 */
class WebhooksTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static LocalServer server;
    private static LoopbackWeb receiver;
    private static String token;
    private static String secret;
    private static final AtomicInteger flakyCalls = new AtomicInteger();

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.get();
        receiver = LoopbackWeb.start();
        receiver.receive("/hook", () -> 204);
        receiver.receive("/flaky", () -> flakyCalls.incrementAndGet() <= 2 ? 503 : 200);
        var created = TestServer.stores().accounts().create(Plan.PAID, 100);
        token = created.token();
        secret = TestServer.stores().accounts().webhookSecret(created.account().id());
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void aTwelvePageScanDeliversOneSignedPostWhenDone() throws Exception {
        assertEquals(secret, account().get("webhook_secret").asText(), "the account API shows the secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        Files.write(work.resolve("scan.pdf"), TestDocuments.scannedPdf(LargeJobsTest.numberedPages(12)));
        JsonNode accepted = submit("file=@scan.pdf", receiver.url("/hook"));
        assertEquals(202, accepted.get("http_code").asInt(), accepted.toString());
        assertEquals(receiver.url("/hook"), accepted.get("callback_url").asText());
        String uuid = accepted.get("uuid").asText();

        List<LoopbackWeb.Received> posts = WaitUntil.value(
                () -> receiver.received("/hook").stream()
                        .filter(post ->
                                body(post).path("data").path("uuid").asText().equals(uuid))
                        .toList(),
                found -> !found.isEmpty(),
                Duration.ofMinutes(3));
        assertEquals(1, posts.size(), "one POST");
        LoopbackWeb.Received post = posts.get(0);
        JsonNode body = body(post);
        assertEquals("job.done", body.get("type").asText());
        assertEquals("done", body.get("data").get("status").asText());
        assertEquals(12, body.get("data").get("page_count").asInt());
        assertEquals(12, body.get("data").get("credits_charged").asInt());
        assertEquals(
                server.url() + "/api/v1/ocr/" + uuid + "/",
                body.get("data").get("links").get("job").asText());
        assertTrue(verifies(post), "the signature verifies with the account's secret: " + post.headers());
        long sentAt = Long.parseLong(post.headers().get("webhook-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - sentAt) < 300, "a fresh timestamp");
        assertEquals("application/json", post.headers().get("content-type"));

        JsonNode log = deliveries(uuid, "GET");
        assertEquals(receiver.url("/hook"), log.get("callback_url").asText());
        assertEquals(1, log.get("deliveries").size(), log.toString());
        assertEquals("delivered", log.get("deliveries").get(0).get("outcome").asText());
        assertEquals(204, log.get("deliveries").get(0).get("status").asInt());

        // Redelivery on request: queued (202), then sent again with the same id.
        JsonNode asked = deliveries(uuid, "POST");
        assertEquals(202, asked.get("http_code").asInt(), asked.toString());
        List<LoopbackWeb.Received> again = WaitUntil.value(
                () -> receiver.received("/hook").stream()
                        .filter(p -> body(p).path("data").path("uuid").asText().equals(uuid))
                        .toList(),
                found -> found.size() == 2,
                Duration.ofSeconds(30));
        assertEquals(2, again.size());
        assertEquals(post.headers().get("webhook-id"), again.get(1).headers().get("webhook-id"));
        assertTrue(verifies(again.get(1)));
    }

    @Test
    void anInlineJobsReceiverThatFailsIsRetriedUntilItTakesIt() throws Exception {
        Files.write(work.resolve("invoice.png"), TestDocuments.png(TestPages.invoiceImage()));
        JsonNode done = submit("file=@invoice.png", receiver.url("/flaky"));
        assertEquals(200, done.get("http_code").asInt(), done.toString());
        String uuid = done.get("uuid").asText();

        JsonNode log = WaitUntil.value(
                () -> deliveries(uuid, "GET"), found -> found.get("deliveries").size() >= 3, Duration.ofSeconds(60));
        List<String> outcomes = new java.util.ArrayList<>();
        log.get("deliveries")
                .forEach(attempt -> outcomes.add(attempt.get("outcome").asText()));
        assertEquals(List.of("retrying", "retrying", "delivered"), outcomes, log.toString());
        assertEquals(503, log.get("deliveries").get(0).get("status").asInt());
        List<LoopbackWeb.Received> posts = receiver.received("/flaky");
        assertEquals(3, posts.size());
        assertEquals(
                1,
                posts.stream()
                        .map(p -> p.headers().get("webhook-id"))
                        .distinct()
                        .count(),
                "one message id");
        assertTrue(posts.stream().allMatch(WebhooksTest::verifies));
    }

    @Test
    void callbacksThatMayNotBeUsedAreRefusedAtTheDoor() throws Exception {
        Files.write(work.resolve("invoice.png"), TestDocuments.png(TestPages.invoiceImage()));
        assertRefused(submit("file=@invoice.png", "ftp://example.com/hook"), 400, "https://");
        assertRefused(submit("file=@invoice.png", "http://169.254.169.254/hook"), 400, "not on the public internet");
        assertRefused(submit("file=@invoice.png", "http://10.1.2.3/hook"), 400, "not on the public internet");
        JsonNode anonymous = Curl.json(
                work,
                "-X",
                "POST",
                server.url() + "/api/v1/ocr/",
                "-F",
                "file=@invoice.png",
                "-F",
                "callback_url=" + receiver.url("/hook"),
                "-w",
                "\n%{http_code}");
        assertRefused(anonymous, 401, "account token");

        JsonNode without = submit("file=@invoice.png", null);
        assertRefused(deliveries(without.get("uuid").asText(), "POST"), 400, "without a callback_url");
        JsonNode someoneElses = Curl.json(
                work,
                server.url() + "/api/v1/ocr/" + without.get("uuid").asText() + "/deliveries/",
                "-H",
                "Authorization: Bearer " + server.devToken(),
                "-w",
                "\n%{http_code}");
        assertEquals(404, someoneElses.get("http_code").asInt(), someoneElses.toString());
    }

    private JsonNode submit(String file, String callbackUrl) throws Exception {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "-X",
                "POST",
                server.url() + "/api/v1/ocr/",
                "-H",
                "Authorization: Bearer " + token,
                "-F",
                file,
                "-w",
                "\n%{http_code}"));
        if (callbackUrl != null) {
            arguments.addAll(List.of("-F", "callback_url=" + callbackUrl));
        }
        return Curl.json(work, arguments.toArray(String[]::new));
    }

    private JsonNode deliveries(String uuid, String method) throws Exception {
        return Curl.json(
                work,
                "-X",
                method,
                server.url() + "/api/v1/ocr/" + uuid + "/deliveries/",
                "-H",
                "Authorization: Bearer " + token,
                "-w",
                "\n%{http_code}");
    }

    private JsonNode account() throws Exception {
        return Curl.json(work, server.url() + "/api/v1/account/", "-H", "Authorization: Bearer " + token);
    }

    private static JsonNode body(LoopbackWeb.Received post) {
        try {
            return MAPPER.readTree(post.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Standard Webhooks: HMAC-SHA256 of "id.timestamp.body" under the base64 key after "whsec_". */
    private static boolean verifies(LoopbackWeb.Received post) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((post.headers().get("webhook-id") + "." + post.headers().get("webhook-timestamp") + ".")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(post.body()));
            return List.of(post.headers().get("webhook-signature").split(" ")).contains(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(JsonNode answer, int status, String reason) {
        assertEquals(status, answer.get("http_code").asInt(), answer.toString());
        assertTrue(answer.get("error").asText().contains(reason), answer.toString());
    }
}
