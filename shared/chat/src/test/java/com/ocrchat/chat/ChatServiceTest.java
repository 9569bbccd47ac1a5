package com.ocrchat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.auth.Caller;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.NotFound;
import com.ocrchat.error.TooManyRequests;
import com.ocrchat.job.JobView;
import com.ocrchat.testing.InMemoryConversationStore;
import com.ocrchat.testing.TestFlow;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Chat on in-memory stores with the extractive answerer: grounded answers, citations, history, limits, in milliseconds. */
class ChatServiceTest {
    private final TestFlow flow = new TestFlow();
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final ChatService chat = new ChatService(
            flow.queries,
            conversations,
            new ExtractiveAnswerer(),
            flow.accounts,
            flow.objects,
            new ChatSettings(4000, 3),
            Clock.systemUTC());
    private final ChatHistory history = new ChatHistory(flow.queries, conversations);

    @Test
    void anAnswerQuotesThePageThatHoldsItAndTheConversationIsKept() {
        Caller caller = flow.paid(10);
        JobView job = flow.submit(caller, "Invoice from Acme Corp. Total: 215.00 USD", "Thank you for your business.");

        ChatService.Reply reply =
                chat.ask(caller, job.uuid(), new ChatService.Question("What is the total?", Optional.empty()));

        assertTrue(
                reply.message().content().contains("215.00 USD"),
                reply.message().content());
        assertEquals(1, reply.message().citations().get(0).page());
        ChatService.Reply followUp = chat.ask(
                caller, job.uuid(), new ChatService.Question("And who thanks?", Optional.of(reply.conversation())));
        assertEquals(reply.conversation(), followUp.conversation());
        assertEquals(
                4,
                history.of(caller, job.uuid(), Optional.empty())
                        .get(0)
                        .messages()
                        .size());
    }

    @Test
    void theLimitsAndAnotherCallersJob() {
        Caller caller = flow.paid(10);
        JobView job = flow.submit(caller, "Total: 215.00 USD");
        assertThrows(
                InvalidInput.class,
                () -> chat.ask(caller, job.uuid(), new ChatService.Question("  ", Optional.empty())));
        assertThrows(
                NotFound.class,
                () -> chat.ask(flow.paid(1), job.uuid(), new ChatService.Question("total?", Optional.empty())));
        assertThrows(
                NotFound.class,
                () -> chat.ask(caller, job.uuid(), new ChatService.Question("total?", Optional.of("nope"))));
        for (int i = 0; i < 3; i++) {
            chat.ask(caller, job.uuid(), new ChatService.Question("total?", Optional.empty()));
        }
        TooManyRequests limited = assertThrows(
                TooManyRequests.class,
                () -> chat.ask(caller, job.uuid(), new ChatService.Question("total?", Optional.empty())));
        assertEquals(3, limited.details().get("limit"));
    }
}
