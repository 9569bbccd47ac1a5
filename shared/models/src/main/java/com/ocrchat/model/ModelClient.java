package com.ocrchat.model;

import java.util.List;

/**
 * One call to a language model (Amazon Bedrock's Converse API or an OpenAI-compatible chat-completions
 * endpoint): a system prompt, the conversation so far, optionally a JPEG image with the last user turn.
 * Chat answers, vision transcription and translation all go through this; a failure is a {@link ModelFailure}.
 */
public interface ModelClient {
    String USER = "user";
    String ASSISTANT = "assistant";

    /** A turn of the conversation: {@link #USER} or {@link #ASSISTANT}. */
    record Turn(String role, String text) {}

    /** What to send; {@code image} (JPEG bytes, may be null) goes with the last turn, which is the user's. */
    record Prompt(String system, List<Turn> turns, byte[] image, int maxTokens) {
        public static Prompt of(String system, String user, int maxTokens) {
            return new Prompt(system, List.of(new Turn(USER, user)), null, maxTokens);
        }
    }

    /** The model's text; {@code truncated} when it stopped at {@code maxTokens} rather than by itself. */
    record Reply(String text, boolean truncated) {}

    Reply complete(Prompt prompt);
}
