package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Plan;
import com.ocrchat.functions.chat.ChatHandler;
import com.ocrchat.functions.ocr.SubmitOcrHandler;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.FakeModelServer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Bedrock and OpenAI-compatible answer providers against local servers that speak their wire formats. */
class ChatProvidersTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String IP = "203.0.113.120";
    /** What the model "answers": one true citation, one of a page that does not exist, one of words not on the page. */
    private static final String MODEL_REPLY = "{\"answer\": \"The total is 215.00 USD (p. 1).\", \"citations\": ["
            + "{\"page\": 1, \"snippet\": \"Total:  215.00 usd\"}, {\"page\": 7, \"snippet\": \"Total: 215.00 USD\"},"
            + "{\"page\": 1, \"snippet\": \"a discount of 10%\"}]}";

    private static AccountStore.Created account;
    private static String invoice;
    private FakeModelServer server;

    @BeforeAll
    static void setUp() throws Exception {
        TestServer.get();
        account = TestServer.stores().accounts().create(Plan.PAID, 10);
        invoice = MAPPER.readTree(new SubmitOcrHandler()
                        .handleRequest(
                                ApiEvents.submit(
                                        account.token(),
                                        IP,
                                        "invoice.png",
                                        TestDocuments.png(TestPages.invoiceImage()),
                                        Map.of()),
                                null)
                        .getBody())
                .get("uuid")
                .asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void bedrockConverseSeesThePagesAndItsFalseCitationsAreDropped() throws Exception {
        server = FakeModelServer.answering((path, body) -> FakeModelServer.converse(MODEL_REPLY, "end_turn"));

        JsonNode reply = ask(Map.of(
                "OCRCHAT_CHAT_PROVIDER",
                "bedrock",
                "OCRCHAT_BEDROCK_ENDPOINT",
                server.url(),
                "OCRCHAT_BEDROCK_MODEL_ID",
                "test-model-v1"));

        FakeModelServer.Call call = server.calls().get(0);
        assertTrue(call.path().startsWith("/model/test-model-v1/converse"), call.path());
        assertTrue(call.body().get("system").get(0).get("text").asText().contains("using only the passages"));
        String question = call.body()
                .get("messages")
                .get(0)
                .get("content")
                .get(0)
                .get("text")
                .asText();
        assertTrue(question.contains("[p. 1]") && question.contains("Total: 215.00 USD"), question);
        assertTrue(question.endsWith("Question: What is the invoice total?"), question);
        assertOnlyTheTrueCitationIsKept(reply);
    }

    @Test
    void anOpenAiCompatibleEndpointSeesThePagesAndItsFalseCitationsAreDropped() throws Exception {
        server = FakeModelServer.answering((path, body) -> FakeModelServer.openAi(MODEL_REPLY, "stop"));

        JsonNode reply = ask(Map.of(
                "OCRCHAT_CHAT_PROVIDER",
                "openai",
                "OCRCHAT_OPENAI_BASE_URL",
                server.url() + "/v1",
                "OCRCHAT_OPENAI_API_KEY",
                "sk-local",
                "OCRCHAT_OPENAI_MODEL",
                "local-model"));

        FakeModelServer.Call call = server.calls().get(0);
        assertEquals("/v1/chat/completions", call.path());
        assertEquals("Bearer sk-local", call.authorization());
        assertEquals("local-model", call.body().get("model").asText());
        assertEquals("system", call.body().get("messages").get(0).get("role").asText());
        String question = call.body().get("messages").get(1).get("content").asText();
        assertTrue(question.contains("[p. 1]") && question.contains("Total: 215.00 USD"), question);
        assertOnlyTheTrueCitationIsKept(reply);
    }

    private static void assertOnlyTheTrueCitationIsKept(JsonNode reply) {
        JsonNode message = reply.get("message");
        assertEquals("The total is 215.00 USD (p. 1).", message.get("content").asText());
        assertEquals(
                1, message.get("citations").size(), message.get("citations").toString());
        assertEquals(1, message.get("citations").get(0).get("page").asInt());
    }

    /** The chat function configured for the provider, asked about the invoice. */
    private static JsonNode ask(Map<String, String> provider) throws Exception {
        APIGatewayV2HTTPResponse response = new ChatHandler(TestServer.wiringWith(provider))
                .handleRequest(
                        ApiEvents.chat(account.token(), IP, invoice, "{\"message\": \"What is the invoice total?\"}"),
                        null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return MAPPER.readTree(response.getBody());
    }
}
