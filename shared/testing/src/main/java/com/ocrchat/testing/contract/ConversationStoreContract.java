package com.ocrchat.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.conversation.ChatMessage;
import com.ocrchat.conversation.Citation;
import com.ocrchat.conversation.ConversationStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every conversation store promises: a caller's conversations about a job, in order, and nobody else's. */
public abstract class ConversationStoreContract {

    protected abstract ConversationStore store();

    @Test
    void conversationsComeBackInOrderForTheirOwnerOnly() {
        String job = UUID.randomUUID().toString();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = t.plusSeconds(3600);
        ChatMessage q1 = new ChatMessage(ChatMessage.USER, "What is the total?", List.of(), t);
        ChatMessage a1 = new ChatMessage(
                ChatMessage.ASSISTANT, "215.00 USD", List.of(new Citation(1, "Total: 215.00 USD")), t.plusMillis(1));
        ChatMessage q2 = new ChatMessage(ChatMessage.USER, "And the date?", List.of(), t.plusMillis(10));
        store().append(job, "account#a", "first", List.of(q1, a1), expires);
        store().append(
                        job,
                        "account#a",
                        "second",
                        List.of(new ChatMessage(ChatMessage.USER, "Who?", List.of(), t.plusMillis(5))),
                        expires);
        store().append(job, "account#a", "first", List.of(q2), expires);

        Map<String, List<ChatMessage>> all = store().conversations(job, "account#a", Optional.empty());
        assertEquals(List.of("first", "second"), List.copyOf(all.keySet()), "oldest conversation first");
        assertEquals(List.of(q1, a1, q2), all.get("first"));
        assertEquals(
                List.of(q1, a1, q2),
                store().conversations(job, "account#a", Optional.of("first")).get("first"));
        assertTrue(store().conversations(job, "account#b", Optional.empty()).isEmpty(), "another caller sees none");
        assertTrue(store().conversations(job, "account#a", Optional.of("nope")).isEmpty());
    }
}
