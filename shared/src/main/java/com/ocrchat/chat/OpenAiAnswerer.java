package com.ocrchat.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ocrchat.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers through any OpenAI-compatible chat-completions endpoint (base URL, key and model are settings). */
public final class OpenAiAnswerer implements AnswerProvider {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final Optional<String> apiKey;
    private final String model;

    public OpenAiAnswerer(String baseUrl, Optional<String> apiKey, String model) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
        this.model = model;
    }

    @Override
    public Answer answer(String question, List<ChatMessage> earlier, List<Passage> passages) {
        List<Map<String, String>> messages = new ArrayList<>();
        messages.add(Map.of("role", "system", "content", GroundedPrompt.SYSTEM));
        for (ChatMessage turn : earlier) {
            messages.add(Map.of("role", turn.role(), "content", turn.content()));
        }
        messages.add(Map.of("role", "user", "content", GroundedPrompt.question(question, passages)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", messages);
        body.put("temperature", 0);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .timeout(Duration.ofSeconds(25))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(body)));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The chat model answered HTTP " + response.statusCode());
            }
            JsonNode reply = Json.MAPPER.readTree(response.body());
            return GroundedPrompt.parse(reply.path("choices").path(0).path("message").path("content").asText(""));
        } catch (IOException e) {
            throw new IllegalStateException("The chat model could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the chat model", e);
        }
    }
}
