package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.functions.chat.ChatHandler;
import com.ocrchat.functions.ocr.SubmitOcrHandler;
import com.ocrchat.functions.upload.CreateUploadHandler;
import com.ocrchat.job.JobView;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.HostileInputs;
import com.ocrchat.testing.HostileInputs.Hostile;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import com.ocrchat.testing.WaitUntil;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus and oversized fields through the real submit and chat handlers, against the embedded
 * AWS servers: each answered with a JSON 4xx, or a 200 (a 202 for a page that outlasts the inline deadline,
 * finished by the workers) within a time bound, the balance unchanged or charged for exactly what was read,
 * and the server still reading a real page afterwards.
 */
class HostileRequestsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String IP = "198.51.100.66";
    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final Set<Integer> CLIENT_ERRORS = Set.of(400, 401, 402, 404, 409, 413, 429);
    private static SubmitOcrHandler submit;
    private static AccountStore.Created account;

    @BeforeAll
    static void setUp() {
        TestServer.get();
        submit = new SubmitOcrHandler(TestServer.wiring());
        account = TestServer.stores().accounts().create(Plan.PAID, 100_000);
    }

    static List<Hostile> corpus() {
        return HostileInputs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aHostileFileIsAnsweredWithAJson4xxOrReadAndChargedForWhatWasRead(Hostile hostile) throws Exception {
        long before = used();
        APIGatewayV2HTTPResponse response = assertTimeoutPreemptively(
                BOUND,
                () -> submit.handleRequest(
                        ApiEvents.submit(account.token(), IP, "file", hostile.bytes(), Map.of()), null));
        JsonNode body = MAPPER.readTree(response.getBody());
        int status = response.getStatusCode();
        if (status == 200 || status == 202) {
            assertEquals(hostile.refusedWith(), null, hostile.name() + " should have been refused: " + body);
            // A page heavy enough to outlast the inline deadline goes to the workers: it must end too.
            JobView finished = WaitUntil.value(
                    () -> TestServer.wiring()
                            .jobQueries()
                            .view(caller(), body.get("uuid").asText()),
                    job -> job.status().isFinished(),
                    Duration.ofMinutes(3));
            assertEquals(finished.creditsCharged(), used() - before, "charged what the job says: " + finished.error());
            return;
        }
        assertTrue(CLIENT_ERRORS.contains(status), hostile.name() + " answered " + status + ": " + body);
        assertTrue(body.get("error").isTextual(), body.toString());
        long charged = body.has("credits_charged") ? body.get("credits_charged").asLong() : 0;
        assertEquals(charged, used() - before, "unchanged, or charged for the pages read before the fault: " + body);
    }

    @Test
    void aTiffWhoseSecondPageIsImpossibleIsRefusedBeforeAnyPageIsRead() throws Exception {
        Hostile twoPages = HostileInputs.all().stream()
                .filter(hostile -> hostile.name().equals("tiff-page-2-claims-60000x60000"))
                .findFirst()
                .orElseThrow();
        long before = used();
        APIGatewayV2HTTPResponse response = submit.handleRequest(
                ApiEvents.submit(account.token(), IP, "two.tif", twoPages.bytes(), Map.of()), null);
        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode body = MAPPER.readTree(response.getBody());
        assertEquals(2, body.get("page").asInt(), "the body names the page: " + body);
        assertFalse(body.has("job"), "refused at the door: no job was filed, nothing was read");
        assertEquals(before, used());
    }

    @Test
    void oversizedFieldsAreRefusedWithoutEchoingThem() throws Exception {
        byte[] png = TestDocuments.linePng("hello");
        String huge = "x".repeat(5000);
        for (Map<String, String> fields : List.of(
                Map.of("language", String.join("+", java.util.Collections.nCopies(100, "eng"))),
                Map.of("language", "eng+deu+fra+spa"),
                Map.of("tier", huge),
                Map.of("tool", huge),
                Map.of("upload_id", huge),
                Map.of("anything-else", huge))) {
            APIGatewayV2HTTPResponse response =
                    submit.handleRequest(ApiEvents.submit(account.token(), IP, "a.png", png, fields), null);
            assertEquals(400, response.getStatusCode(), fields.keySet() + ": " + response.getBody());
            assertFalse(response.getBody().contains("xxxxxxxxxx"), "not echoed: " + response.getBody());
            assertTrue(response.getBody().length() < 2000, response.getBody());
        }

        APIGatewayV2HTTPEvent tooLarge =
                ApiEvents.submit(account.token(), IP, "big.png", new byte[60 * 1024 * 1024], Map.of());
        APIGatewayV2HTTPResponse refused = submit.handleRequest(tooLarge, null);
        assertEquals(413, refused.getStatusCode(), refused.getBody());

        APIGatewayV2HTTPEvent notBase64 = ApiEvents.submit(account.token(), IP, "a.png", png, Map.of());
        notBase64.setBody("%%%% not base64 %%%%");
        assertEquals(400, submit.handleRequest(notBase64, null).getStatusCode());
    }

    @Test
    void aChoiceSentAsAQueryParameterIsA400NamingItNotAJobReadOtherwiseThanAsked() throws Exception {
        long before = used();
        APIGatewayV2HTTPEvent inQuery =
                ApiEvents.submit(account.token(), IP, "a.png", TestDocuments.linePng("hello"), Map.of());
        inQuery.setQueryStringParameters(Map.of("language", "fra"));

        APIGatewayV2HTTPResponse response = submit.handleRequest(inQuery, null);

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals(
                "'language' is a form field of the multipart body (curl -F language=...), not a query parameter",
                MAPPER.readTree(response.getBody()).get("error").asText());
        assertEquals(before, used(), "nothing read, nothing charged");
    }

    @Test
    void oversizedChatAndUploadBodiesAreRefusedBeforeTheyAreParsed() throws Exception {
        JsonNode job = MAPPER.readTree(submit.handleRequest(
                        ApiEvents.submit(
                                account.token(),
                                IP,
                                "invoice.png",
                                TestDocuments.png(TestPages.invoiceImage()),
                                Map.of()),
                        null)
                .getBody());
        String uuid = job.get("uuid").asText();
        ChatHandler chat = new ChatHandler(TestServer.wiring());
        String secret = "y".repeat(1000);

        APIGatewayV2HTTPResponse huge = chat.handleRequest(
                ApiEvents.chat(account.token(), IP, uuid, "{\"message\": \"" + secret.repeat(1000) + "\"}"), null);
        assertEquals(413, huge.getStatusCode(), huge.getBody());
        assertFalse(huge.getBody().contains("yyyyyyyyyy"));

        APIGatewayV2HTTPResponse longMessage = chat.handleRequest(
                ApiEvents.chat(account.token(), IP, uuid, "{\"message\": \"" + secret.repeat(20) + "\"}"), null);
        assertEquals(400, longMessage.getStatusCode(), longMessage.getBody());
        assertFalse(longMessage.getBody().contains("yyyyyyyyyy"));

        APIGatewayV2HTTPResponse longConversation = chat.handleRequest(
                ApiEvents.chat(
                        account.token(), IP, uuid, "{\"message\": \"total?\", \"conversation\": \"" + secret + "\"}"),
                null);
        assertEquals(400, longConversation.getStatusCode(), longConversation.getBody());
        assertFalse(longConversation.getBody().contains("yyyyyyyyyy"));

        APIGatewayV2HTTPResponse deep = chat.handleRequest(
                ApiEvents.chat(account.token(), IP, uuid, "[".repeat(5000) + "]".repeat(5000)), null);
        assertEquals(400, deep.getStatusCode(), deep.getBody());

        CreateUploadHandler uploads = new CreateUploadHandler(TestServer.wiring());
        APIGatewayV2HTTPEvent bigTicket = ApiEvents.createUpload(account.token(), IP, 1);
        bigTicket.setBody("{\"size\": 1, \"pad\": \"" + secret.repeat(10) + "\"}");
        assertEquals(413, uploads.handleRequest(bigTicket, null).getStatusCode());
        APIGatewayV2HTTPEvent noSize = ApiEvents.createUpload(account.token(), IP, 1);
        noSize.setBody("{}");
        assertEquals(400, uploads.handleRequest(noSize, null).getStatusCode());
    }

    /** After the corpus, the server still reads a real page. */
    @AfterAll
    static void theServerStillReadsARealPage() throws Exception {
        APIGatewayV2HTTPResponse response = submit.handleRequest(
                ApiEvents.submit(
                        account.token(), IP, "invoice.png", TestDocuments.png(TestPages.invoiceImage()), Map.of()),
                null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(MAPPER.readTree(response.getBody()).get("text").asText().contains("Total"), response.getBody());
    }

    private static long used() {
        return TestServer.wiring().meter().balance(caller()).used();
    }

    private static Caller caller() {
        return Caller.of(account.account(), IP);
    }
}
