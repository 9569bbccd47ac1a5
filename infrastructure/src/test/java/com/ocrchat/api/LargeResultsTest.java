package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Plan;
import com.ocrchat.functions.job.GetJobHandler;
import com.ocrchat.functions.ocr.SubmitOcrHandler;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.DenseDocuments;
import com.ocrchat.testing.WaitUntil;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A dense file's job is answered and shown within one Lambda response (6 MB), and says where the rest is. */
class LargeResultsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String IP = "198.51.100.67";
    /** What the server lets a view come to, as characters (Lambda's limit is 6 MB as it escapes them). */
    private static final int MOST_RESPONSE_CHARACTERS = 5_000_000;

    @Test
    void aJobOf225000WordsIsShownWithinOneResponse() throws Exception {
        TestServer.get();
        SubmitOcrHandler submit = new SubmitOcrHandler(TestServer.wiring());
        GetJobHandler get = new GetJobHandler(TestServer.wiring());
        AccountStore.Created account = TestServer.stores().accounts().create(Plan.PAID, 100);
        byte[] dense = DenseDocuments.pdf(20, 250, 45, "Loremipsum"); // 225,000 words

        APIGatewayV2HTTPResponse posted =
                submit.handleRequest(ApiEvents.submit(account.token(), IP, "dense.pdf", dense, Map.of()), null);
        assertTrue(posted.getStatusCode() == 200 || posted.getStatusCode() == 202, posted.getBody());
        assertTrue(posted.getBody().length() <= MOST_RESPONSE_CHARACTERS, "a response Lambda carries");
        String uuid = MAPPER.readTree(posted.getBody()).get("uuid").asText();

        JsonNode shown = WaitUntil.value(
                () -> {
                    APIGatewayV2HTTPResponse response =
                            get.handleRequest(ApiEvents.getJob(account.token(), IP, uuid), null);
                    assertEquals(200, response.getStatusCode(), response.getBody());
                    assertTrue(response.getBody().length() <= MOST_RESPONSE_CHARACTERS, "a response Lambda carries");
                    return MAPPER.readTree(response.getBody());
                },
                job -> !job.get("status").asText().equals("pending")
                        && !job.get("status").asText().equals("processing"),
                Duration.ofMinutes(3));

        assertEquals("done", shown.get("status").asText(), shown.path("error").asText());
        assertEquals(20, shown.get("pages").size());
        assertEquals(20, shown.get("credits_charged").asInt());
        assertTrue(
                shown.get("warnings").toString().contains("/api/v1/ocr/" + uuid + "/download/?format=json"),
                shown.get("warnings").toString());
    }
}
