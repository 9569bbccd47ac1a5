package com.ocrchat.testing;

import com.ocrchat.conversation.ChatMessage;
import com.ocrchat.conversation.ConversationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversations in a map, by job and owner, oldest conversation first, messages in order. */
public final class InMemoryConversationStore implements ConversationStore {
    private final Map<String, Map<String, List<ChatMessage>>> byJobAndOwner = new LinkedHashMap<>();

    @Override
    public synchronized void append(
            String uuid, String owner, String conversation, List<ChatMessage> messages, Instant expiresAt) {
        byJobAndOwner
                .computeIfAbsent(uuid + "|" + owner, key -> new LinkedHashMap<>())
                .computeIfAbsent(conversation, id -> new ArrayList<>())
                .addAll(messages);
    }

    @Override
    public synchronized Map<String, List<ChatMessage>> conversations(
            String uuid, String owner, Optional<String> conversation) {
        Map<String, List<ChatMessage>> found = new LinkedHashMap<>();
        byJobAndOwner.getOrDefault(uuid + "|" + owner, Map.of()).forEach((id, messages) -> {
            if (conversation.isEmpty() || conversation.get().equals(id)) {
                found.put(id, List.copyOf(messages));
            }
        });
        return found;
    }
}
