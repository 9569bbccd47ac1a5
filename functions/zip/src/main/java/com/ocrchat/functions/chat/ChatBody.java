package com.ocrchat.functions.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ocrchat.chat.ChatService;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.http.ApiRequest;
import com.ocrchat.json.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** POST /api/v1/chat/{uuid}/'s JSON body, {@code {"message": "...", "conversation": "<optional id>"}}, as a question. */
public final class ChatBody {
    /** Room for the longest message the service takes, escaped, with the envelope; checked before parsing. */
    static final long MAX_BODY_BYTES = 64 * 1024;
    /** A conversation id is a UUID; anything much longer is not one. */
    private static final int MAX_CONVERSATION_CHARS = 64;

    private ChatBody() {}

    public static ChatService.Question parse(ApiRequest request) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(request.body(MAX_BODY_BYTES));
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
        if (conversation.isPresent() && conversation.get().length() > MAX_CONVERSATION_CHARS) {
            throw new InvalidInput(
                    "The conversation id is not one this server gave out", Map.of("max_chars", MAX_CONVERSATION_CHARS));
        }
        return new ChatService.Question(message, conversation);
    }
}
