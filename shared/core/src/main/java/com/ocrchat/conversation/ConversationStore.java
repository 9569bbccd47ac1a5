package com.ocrchat.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The caller's conversations about a job, stored until the job expires. */
public interface ConversationStore {
    /** Appends the messages, in order, to a conversation of the owner's about the job. */
    void append(String uuid, String owner, String conversation, List<ChatMessage> messages, Instant expiresAt);

    /** The owner's conversations about the job (or just one), each with its messages in order, oldest conversation first. */
    Map<String, List<ChatMessage>> conversations(String uuid, String owner, Optional<String> conversation);
}
