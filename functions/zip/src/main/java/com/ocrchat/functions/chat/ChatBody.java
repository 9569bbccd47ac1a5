package com.ocrchat.functions.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ocrchat.chat.ChatService;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.http.ApiRequest;
import com.ocrchat.json.Json;
import java.io.IOException;
import java.util.Optional;

/** POST /api/v1/chat/{uuid}/'s JSON body, {@code {"message": "...", "conversation": "<optional id>"}}, as a question. */
public final class ChatBody {
    private ChatBody() {}

    public static ChatService.Question parse(ApiRequest request) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(request.body());
        } catch (IOException e) {
            throw new InvalidInput("The body is not JSON: send {\"message\": \"your question\"}");
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInput("The body must be a JSON object: {\"message\": \"your question\"}");
        }
        String message = json.path("message").isTextual() ? json.get("message").asText() : "";
        Optional<String> conversation = json.path("conversation").isTextual()
                ? Optional.of(json.get("conversation").asText())
                : Optional.empty();
        return new ChatService.Question(message, conversation);
    }
}
