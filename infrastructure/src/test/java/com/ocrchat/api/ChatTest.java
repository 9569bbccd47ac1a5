package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.functions.chat.ChatHandler;
import com.ocrchat.functions.chat.ChatHistoryHandler;
import com.ocrchat.functions.ocr.SubmitOcrHandler;
import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobStatus;
import com.ocrchat.local.TestServer;
import com.ocrchat.metering.Charge;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestJobs;
import com.ocrchat.testing.TestPages;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chat through the real handlers with the built-in extractive answerer, against the embedded stack. */
class ChatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String IP = "203.0.113.110";
    private static ChatHandler chat;
    private static ChatHistoryHandler history;
    private static String token;
    private static JsonNode invoice;
    private static JsonNode report;

    @BeforeAll
    static void setUp() throws Exception {
        TestServer.get();
        chat = new ChatHandler();
        history = new ChatHistoryHandler();
        token = TestServer.stores().accounts().create(Plan.PAID, 50).token();
        SubmitOcrHandler submit = new SubmitOcrHandler();
        invoice = MAPPER.readTree(submit.handleRequest(
                        ApiEvents.submit(
                                token, IP, "invoice.png", TestDocuments.png(TestPages.invoiceImage()), Map.of()),
                        null)
                .getBody());
        report = MAPPER.readTree(submit.handleRequest(
                        ApiEvents.submit(
                                token,
                                IP,
                                "report.pdf",
                                TestDocuments.textPdf(List.of(
                                        List.of("Annual report", "Revenue grew by twelve percent in the second half."),
                                        List.of("Staff", "The team hired four engineers and one designer."),
                                        List.of("Facilities", "The warehouse moved to Springfield in March."))),
                                Map.of()),
                        null)
                .getBody());
    }

    @Test
    void theInvoiceQuestionIsAnsweredWithTheTotalAndDueDateCitingPageOne() {
        JsonNode reply = ask(invoice, "{\"message\": \"What is the invoice total and due date?\"}", 200);

        JsonNode message = reply.get("message");
        assertEquals("assistant", message.get("role").asText());
        String content = message.get("content").asText();
        assertTrue(content.contains("215.00") && content.contains("December 1, 2026"), content);
        assertTrue(content.contains("(p. 1)"), content);
        assertFalse(reply.get("conversation").asText().isBlank());
        String pageText = invoice.get("pages").get(0).get("text").asText().replaceAll("\\s+", " ");
        assertTrue(message.get("citations").size() >= 2);
        for (JsonNode citation : message.get("citations")) {
            assertEquals(1, citation.get("page").asInt());
            assertTrue(pageText.contains(citation.get("snippet").asText()), citation.toString());
        }
    }

    @Test
    void aQuestionAboutPageThreeCitesPageThree() {
        JsonNode message = ask(report, "{\"message\": \"When did the warehouse move to Springfield?\"}", 200)
                .get("message");

        assertTrue(message.get("content").asText().contains("March"), message.toString());
        assertEquals(3, message.get("citations").get(0).get("page").asInt());
        assertTrue(message.get("citations").get(0).get("snippet").asText().contains("warehouse moved to Springfield"));
    }

    @Test
    void whatTheDocumentDoesNotSayIsNotAnswered() {
        JsonNode message = ask(invoice, "{\"message\": \"What is the capital of France?\"}", 200)
                .get("message");

        assertTrue(message.get("content").asText().contains("does not contain"), message.toString());
        assertEquals(0, message.get("citations").size());
    }

    @Test
    void theHistoryHoldsBothTurnsOfAConversationInOrder() throws Exception {
        String conversation = ask(report, "{\"message\": \"How many engineers were hired?\"}", 200)
                .get("conversation")
                .asText();
        JsonNode second = ask(
                report,
                "{\"message\": \"How much did revenue grow?\", \"conversation\": \"" + conversation + "\"}",
                200);
        assertEquals(conversation, second.get("conversation").asText());
        ask(report, "{\"message\": \"Where is the warehouse?\"}", 200);

        JsonNode all = MAPPER.readTree(history.handleRequest(
                        ApiEvents.history(token, IP, report.get("uuid").asText(), null), null)
                .getBody());
        List<String> ids = new java.util.ArrayList<>();
        all.get("conversations").forEach(c -> ids.add(c.get("conversation").asText()));
        assertTrue(ids.contains(conversation) && ids.size() >= 2, "each conversation is listed: " + ids);
        JsonNode one = MAPPER.readTree(history.handleRequest(
                        ApiEvents.history(token, IP, report.get("uuid").asText(), conversation), null)
                .getBody());
        assertEquals(1, one.get("conversations").size());
        JsonNode messages = one.get("conversations").get(0).get("messages");
        assertEquals(
                List.of("user", "assistant", "user", "assistant"),
                List.of(
                        messages.get(0).get("role").asText(),
                        messages.get(1).get("role").asText(),
                        messages.get(2).get("role").asText(),
                        messages.get(3).get("role").asText()));
        assertEquals(
                "How many engineers were hired?", messages.get(0).get("content").asText());
        assertTrue(messages.get(1).get("content").asText().contains("four engineers"));
        assertEquals(
                "How much did revenue grow?", messages.get(2).get("content").asText());
        assertTrue(
                messages.get(3).get("content").asText().contains("twelve percent"),
                messages.get(3).toString());
        assertEquals(1, messages.get(3).get("citations").get(0).get("page").asInt(), "the revenue line is on page 1");
        assertTrue(Instant.parse(messages.get(0).get("created_at").asText())
                .isBefore(Instant.parse(messages.get(2).get("created_at").asText())));

        error(
                history.handleRequest(
                        ApiEvents.history(
                                token,
                                IP,
                                report.get("uuid").asText(),
                                UUID.randomUUID().toString()),
                        null),
                404);
    }

    @Test
    void mistakesGetClearErrors() {
        String uuid = invoice.get("uuid").asText();
        error(chat.handleRequest(ApiEvents.chat(token, IP, uuid, "{\"message\": \"   \"}"), null), 400);
        error(chat.handleRequest(ApiEvents.chat(token, IP, uuid, "what is the total?"), null), 400);
        error(
                chat.handleRequest(
                        ApiEvents.chat(token, IP, uuid, "{\"message\": \"" + "a".repeat(4001) + "\"}"), null),
                400);
        error(chat.handleRequest(ApiEvents.chat(null, IP, uuid, "{\"message\": \"total?\"}"), null), 401);
        String stranger = TestServer.stores().accounts().create(Plan.FREE, 0).token();
        error(chat.handleRequest(ApiEvents.chat(stranger, IP, uuid, "{\"message\": \"total?\"}"), null), 404);
        error(
                chat.handleRequest(
                        ApiEvents.chat(token, IP, UUID.randomUUID().toString(), "{\"message\": \"total?\"}"), null),
                404);
        error(
                chat.handleRequest(
                        ApiEvents.chat(token, IP, uuid, "{\"message\": \"total?\", \"conversation\": \"nope\"}"), null),
                404);
        error(history.handleRequest(ApiEvents.history(null, IP, uuid, null), null), 401);

        Caller caller = TestServer.wiring()
                .authenticator()
                .authenticate(new com.ocrchat.http.ApiRequest(ApiEvents.getJob(token, IP, uuid)).credentials());
        JobRecord pending = TestJobs.unfinished(
                UUID.randomUUID().toString(),
                caller.owner(),
                JobStatus.PENDING,
                30,
                Charge.ofCredits(caller.accountId(), 0),
                Instant.now());
        TestServer.wiring().lifecycle().open(pending);
        JsonNode early = error(
                chat.handleRequest(ApiEvents.chat(token, IP, pending.uuid(), "{\"message\": \"total?\"}"), null), 409);
        assertTrue(early.get("error").asText().contains("pending"));
        TestServer.wiring().lifecycle().fail(pending, "made by a test");
    }

    @Test
    void messagesPerAccountPerDayAreLimited() {
        ChatHandler limited = new ChatHandler(TestServer.wiringWith(Map.of("OCRCHAT_CHAT_MESSAGES_PER_DAY", "2")));
        var account = TestServer.stores().accounts().create(Plan.PAID, 5);
        String uuid = MAPPER.valueToTree(new SubmitOcrHandler()
                        .handleRequest(
                                ApiEvents.submit(
                                        account.token(),
                                        IP,
                                        "line.png",
                                        TestDocuments.linePng("Hello limits"),
                                        Map.of()),
                                null))
                .get("body")
                .asText();
        String jobId = read(uuid).get("uuid").asText();
        String question = "{\"message\": \"hello?\"}";

        assertEquals(
                200,
                limited.handleRequest(ApiEvents.chat(account.token(), IP, jobId, question), null)
                        .getStatusCode());
        assertEquals(
                200,
                limited.handleRequest(ApiEvents.chat(account.token(), IP, jobId, question), null)
                        .getStatusCode());
        JsonNode refused =
                error(limited.handleRequest(ApiEvents.chat(account.token(), IP, jobId, question), null), 429);

        assertEquals(2, refused.get("limit").asInt());
    }

    private static JsonNode ask(JsonNode job, String body, int status) {
        APIGatewayV2HTTPResponse response =
                chat.handleRequest(ApiEvents.chat(token, IP, job.get("uuid").asText(), body), null);
        assertEquals(status, response.getStatusCode(), response.getBody());
        return read(response.getBody());
    }

    private static JsonNode error(APIGatewayV2HTTPResponse response, int status) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        JsonNode body = read(response.getBody());
        assertTrue(body.hasNonNull("error"), response.getBody());
        return body;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
