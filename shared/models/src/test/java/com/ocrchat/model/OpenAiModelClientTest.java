package com.ocrchat.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenAiModelClientTest {
    @Test
    void aReplyLargerThanTheBoundIsAFailureNotAFullHeap() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0); // chunked: no length to refuse it by
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (var out = exchange.getResponseBody()) {
                for (int i = 0; i < 160; i++) { // 10 MB
                    out.write(chunk);
                }
            } catch (java.io.IOException clientStoppedReading) {
                // expected: the client reads no further than its bound
            }
        });
        server.start();
        try {
            OpenAiModelClient client = new OpenAiModelClient(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                    Optional.empty(),
                    "m",
                    Duration.ofSeconds(20));
            ModelFailure failure = assertThrows(
                    ModelFailure.class,
                    () -> client.complete(new ModelClient.Prompt(
                            "system", List.of(new ModelClient.Turn(ModelClient.USER, "hi")), null, 10)));
            assertTrue(failure.getMessage().contains("more than"), failure.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
