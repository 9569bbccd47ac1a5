package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.Application;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.chat.AnswerProvider;
import com.ocrchat.chat.ChatService;
import com.ocrchat.chat.DynamoConversationStore;
import com.ocrchat.chat.ModelAnswerer;
import com.ocrchat.model.BedrockModelClient;
import com.ocrchat.model.OpenAiModelClient;
import com.ocrchat.functions.ocr.SubmitOcrHandler;
import com.ocrchat.local.TestServer;
import com.ocrchat.settings.Settings;
import com.ocrchat.store.AwsClients;
import com.ocrchat.testing.TestDocuments;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Bedrock and OpenAI-compatible answer providers against local servers that speak their wire formats. */
class ChatProvidersTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** What the model "answers": one true citation, one of a page that does not exist, one of words not on the page. */
    private static final String MODEL_REPLY = "{\"answer\": \"The total is 215.00 USD (p. 1).\", \"citations\": ["
            + "{\"page\": 1, \"snippet\": \"Total:  215.00 usd\"}, {\"page\": 7, \"snippet\": \"Total: 215.00 USD\"},"
            + "{\"page\": 1, \"snippet\": \"a discount of 10%\"}]}";
    private static Application application;
    private static AccountStore.Created account;
    private static String invoice;
    private HttpServer server;
    private final AtomicReference<String> requestBody = new AtomicReference<>();
    private final AtomicReference<String> requestPath = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();

    @BeforeAll
    static void setUp() throws Exception {
        application = TestServer.application();
        account = application.accounts.create(Plan.PAID, 10);
        invoice = MAPPER.readTree(new SubmitOcrHandler().handleRequest(ApiEvents.submit(account.token(), "203.0.113.120", "invoice.png",
                TestDocuments.png(TestDocuments.invoiceImage()), Map.of()), null).getBody()).get("uuid").asText();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void bedrockConverseSeesThePagesAndItsFalseCitationsAreDropped() throws Exception {
        String response = MAPPER.writeValueAsString(Map.of(
                "output", Map.of("message", Map.of("role", "assistant", "content", List.of(Map.of("text", MODEL_REPLY)))),
                "stopReason", "end_turn",
                "usage", Map.of("inputTokens", 100, "outputTokens", 30, "totalTokens", 130),
                "metrics", Map.of("latencyMs", 12)));
        String url = serve(response);
        Settings settings = settings(Map.of("OCRCHAT_BEDROCK_ENDPOINT", url));

        ChatService.Reply reply = ask(new ModelAnswerer(new BedrockModelClient(AwsClients.bedrock(settings, Duration.ofSeconds(10)), "test-model-v1")));

        assertTrue(requestPath.get().startsWith("/model/test-model-v1/converse"), requestPath.get());
        JsonNode request = MAPPER.readTree(requestBody.get());
        assertTrue(request.get("system").get(0).get("text").asText().contains("using only the passages"));
        String question = request.get("messages").get(0).get("content").get(0).get("text").asText();
        assertTrue(question.contains("[p. 1]") && question.contains("Total: 215.00 USD"), question);
        assertTrue(question.endsWith("Question: What is the invoice total?"), question);
        assertOnlyTheTrueCitationIsKept(reply);
    }

    @Test
    void anOpenAiCompatibleEndpointSeesThePagesAndItsFalseCitationsAreDropped() throws Exception {
        String response = MAPPER.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion", "choices",
                List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant", "content", MODEL_REPLY)))));
        String url = serve(response);

        ChatService.Reply reply = ask(new ModelAnswerer(new OpenAiModelClient(url + "/v1", Optional.of("sk-local"), "local-model", Duration.ofSeconds(10))));

        assertEquals("/v1/chat/completions", requestPath.get());
        assertEquals("Bearer sk-local", authorization.get());
        JsonNode request = MAPPER.readTree(requestBody.get());
        assertEquals("local-model", request.get("model").asText());
        assertEquals("system", request.get("messages").get(0).get("role").asText());
        String question = request.get("messages").get(1).get("content").asText();
        assertTrue(question.contains("[p. 1]") && question.contains("Total: 215.00 USD"), question);
        assertOnlyTheTrueCitationIsKept(reply);
    }

    private static void assertOnlyTheTrueCitationIsKept(ChatService.Reply reply) {
        assertEquals("The total is 215.00 USD (p. 1).", reply.message().content());
        assertEquals(1, reply.message().citations().size(), reply.message().citations().toString());
        assertEquals(1, reply.message().citations().get(0).page());
    }

    private ChatService.Reply ask(AnswerProvider provider) {
        Settings settings = settings(Map.of());
        ChatService chat = new ChatService(settings, application.jobs, new DynamoConversationStore(AwsClients.dynamo(settings), settings.chatTable),
                provider, AwsClients.dynamo(settings), Clock.systemUTC());
        return chat.ask(Caller.of(account.account(), "203.0.113.120"), invoice,
                "{\"message\": \"What is the invoice total?\"}".getBytes(StandardCharsets.UTF_8));
    }

    /** A one-route server that records the request and answers with {@code response}; returns its base URL. */
    private String serve(String response) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requestPath.set(exchange.getRequestURI().getPath());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static Settings settings(Map<String, String> overrides) {
        return TestServer.settingsWith(overrides);
    }
}
