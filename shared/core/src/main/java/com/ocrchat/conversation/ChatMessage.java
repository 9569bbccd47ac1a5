package com.ocrchat.conversation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/** One turn of a conversation: the user's question or the assistant's answer with its citations. */
@JsonPropertyOrder({"role", "content", "citations", "created_at"})
public record ChatMessage(String role, String content, List<Citation> citations, Instant createdAt) {
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
}
