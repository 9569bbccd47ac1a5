package com.ocrchat.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.ocrchat.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, Ollama, LM Studio, ...): base URL,
 * key and model are settings; an image goes as a base64 data URL in the user turn's content parts.
 */
public final class OpenAiModelClient implements ModelClient {
    /** Far above any answer of the token bounds asked for (a few thousand tokens), far below the heap. */
    static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final Optional<String> apiKey;
    private final String model;
    private final Duration timeout;

    public OpenAiModelClient(String baseUrl, Optional<String> apiKey, String model, Duration timeout) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
        this.model = model;
        this.timeout = timeout;
    }

    @Override
    public Reply complete(Prompt prompt) {
        List<Map<String, Object>> messages = new ArrayList<>();
        messages.add(Map.of("role", "system", "content", prompt.system()));
        for (int i = 0; i < prompt.turns().size(); i++) {
            Turn turn = prompt.turns().get(i);
            if (i == prompt.turns().size() - 1 && prompt.image() != null) {
                String dataUrl = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(prompt.image());
                messages.add(Map.of(
                        "role",
                        turn.role(),
                        "content",
                        List.of(
                                Map.of("type", "image_url", "image_url", Map.of("url", dataUrl)),
                                Map.of("type", "text", "text", turn.text()))));
            } else {
                messages.add(Map.of("role", turn.role(), "content", turn.text()));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", messages);
        body.put("temperature", 0);
        body.put("max_tokens", prompt.maxTokens());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(body)));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<java.io.InputStream> response;
        byte[] answer;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) {
                answer = in.readNBytes(
                        MAX_RESPONSE_BYTES + 1); // a reply is read with a bound, whatever the endpoint sends
            }
        } catch (IOException e) {
            throw new ModelFailure("The model endpoint could not be reached: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailure("Interrupted while calling the model", false, e);
        }
        if (answer.length > MAX_RESPONSE_BYTES) {
            throw new ModelFailure(
                    "The model endpoint answered more than " + MAX_RESPONSE_BYTES + " bytes", false, null);
        }
        int status = response.statusCode();
        if (status != 200) {
            throw new ModelFailure(
                    "The model endpoint answered HTTP " + status,
                    status == 429 || status == 408 || status >= 500,
                    null);
        }
        try {
            JsonNode choice = Json.MAPPER.readTree(answer).path("choices").path(0);
            return new Reply(
                    choice.path("message").path("content").asText(""),
                    "length".equals(choice.path("finish_reason").asText()));
        } catch (IOException e) {
            throw new ModelFailure("The model endpoint answered with malformed JSON", false, e);
        }
    }
}
