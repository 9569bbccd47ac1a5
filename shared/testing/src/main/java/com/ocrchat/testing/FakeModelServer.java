package com.ocrchat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.concurrent.DaemonThreads;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * The one stand-in for a model provider: a loopback HTTP server that records every request and answers
 * as the test says, in the wire format of Bedrock's Converse API or of OpenAI-compatible chat completions.
 */
public final class FakeModelServer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A request the fake model received: its path, its Authorization header and its JSON body. */
    public record Call(String path, String authorization, JsonNode body) {}

    /** An answer of the fake model. */
    public record Answer(int status, String body) {}

    private final HttpServer server;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    private FakeModelServer(BiFunction<String, JsonNode, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            JsonNode body = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            calls.add(new Call(path, exchange.getRequestHeaders().getFirst("Authorization"), body));
            Answer answer = answers.apply(path, body);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (answer.status() >= 500) {
                exchange.getResponseHeaders().set("x-amzn-ErrorType", "InternalServerException");
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        // A slow answer does not hold up the next call.
        server.setExecutor(Executors.newCachedThreadPool(DaemonThreads.named("fake-model")));
        server.start();
    }

    /** A server answering each request with {@code answers(path, body)}. */
    public static FakeModelServer answering(BiFunction<String, JsonNode, Answer> answers) {
        try {
            return new FakeModelServer(answers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests so far, in order (a live, synchronized list). */
    public List<Call> calls() {
        return calls;
    }

    /** An OpenAI chat-completions answer. */
    public static Answer openAi(String content, String finishReason) {
        return json(Map.of(
                "id",
                "chatcmpl-1",
                "object",
                "chat.completion",
                "choices",
                List.of(Map.of(
                        "index",
                        0,
                        "finish_reason",
                        finishReason,
                        "message",
                        Map.of("role", "assistant", "content", content)))));
    }

    /** A Bedrock Converse answer. */
    public static Answer converse(String text, String stopReason) {
        return json(Map.of(
                "output", Map.of("message", Map.of("role", "assistant", "content", List.of(Map.of("text", text)))),
                "stopReason", stopReason,
                "usage", Map.of("inputTokens", 1000, "outputTokens", 10, "totalTokens", 1010),
                "metrics", Map.of("latencyMs", 12)));
    }

    private static Answer json(Object body) {
        try {
            return new Answer(200, MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
