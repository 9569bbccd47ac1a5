package com.ocrchat.chat;

import com.ocrchat.auth.Caller;
import com.ocrchat.conversation.ChatMessage;
import com.ocrchat.conversation.ConversationStore;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.NotFound;
import com.ocrchat.error.NotReady;
import com.ocrchat.error.ProviderFailure;
import com.ocrchat.job.JobQueries;
import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobStatus;
import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.store.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Chat about a finished job: the question is matched against the job's passages (BM25), the answer
 * provider sees only the best passages, labelled with their pages, and every citation it returns is
 * checked against the page it names. Both turns are stored with the conversation.
 */
public final class ChatService {
    /** Paragraphs a model is given; sentences the extractive answerer weighs. */
    private static final int PASSAGES = 5;

    private static final int SENTENCES = 30;
    private static final int EARLIER_TURNS = 4;

    /** A question as the request put it: the message, and the conversation it continues (if any). */
    public record Question(String message, Optional<String> conversation) {}

    /** The answer: the conversation and the assistant's message. */
    public record Reply(String conversation, ChatMessage message) {}

    private final JobQueries jobs;
    private final ConversationStore conversations;
    private final AnswerProvider provider;
    private final ChatQuota quota;
    private final int maxMessageChars;
    private final PassageIndexes indexes;
    private final Clock clock;

    public ChatService(
            JobQueries jobs,
            ConversationStore conversations,
            AnswerProvider provider,
            BalanceLedger ledger,
            ObjectStore objects,
            ChatSettings settings,
            Clock clock) {
        this.jobs = jobs;
        this.indexes = new PassageIndexes(objects);
        this.conversations = conversations;
        this.provider = provider;
        this.quota = new ChatQuota(ledger, settings.messagesPerDay(), clock);
        this.maxMessageChars = settings.maxMessageChars();
        this.clock = clock;
    }

    public Reply ask(Caller caller, String uuid, Question question) {
        String message = question.message() == null ? "" : question.message().strip();
        if (message.isEmpty()) {
            throw new InvalidInput("Send {\"message\": \"your question\"}; the message is empty or missing");
        }
        if (message.length() > maxMessageChars) {
            throw new LimitExceeded(
                    "The message is longer than " + maxMessageChars + " characters",
                    Map.of("max_chars", maxMessageChars));
        }
        Optional<String> conversation =
                question.conversation().map(String::strip).filter(id -> !id.isEmpty());
        JobRecord job = jobs.find(caller, uuid);
        if (job.status() != JobStatus.DONE) {
            throw new NotReady(
                    "The job is " + job.status().id() + "; chat opens once it is done",
                    job.status().id());
        }
        List<ChatMessage> earlier =
                conversation.map(id -> earlierTurns(caller, job, id)).orElse(List.of());
        quota.take(caller);

        PassageIndex index = indexes.of(
                job.uuid(), job.detectedLanguage(), () -> jobs.result(job).pages());
        Citations.Grounded grounded = answer(index, provider, message, earlier);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ChatMessage asked = new ChatMessage(ChatMessage.USER, message, List.of(), now);
        ChatMessage reply =
                new ChatMessage(ChatMessage.ASSISTANT, grounded.content(), grounded.citations(), now.plusMillis(1));
        String id = conversation.orElseGet(() -> UUID.randomUUID().toString());
        conversations.append(job.uuid(), caller.owner(), id, List.of(asked, reply), job.expiresAt());
        return new Reply(id, reply);
    }

    /** Retrieval, the provider's answer, and what of it the pages back: one question about one indexed job. */
    static Citations.Grounded answer(
            PassageIndex index, AnswerProvider provider, String message, List<ChatMessage> earlier) {
        List<PassageIndex.Hit> hits = index.search(retrievalQuery(message, earlier), SENTENCES);
        AnswerProvider.Answer answer;
        if (hits.isEmpty() && !Questions.asksForSummary(message)) {
            answer = new AnswerProvider.Answer(ExtractiveAnswerer.NOT_FOUND, List.of());
        } else {
            List<Passage> paragraphs = hits.stream()
                    .limit(PASSAGES)
                    .map(hit -> index.paragraph(hit.sentence()))
                    .distinct()
                    .toList();
            try {
                answer = provider.answer(message, earlier, new AnswerProvider.Retrieved(hits, paragraphs, index));
            } catch (RuntimeException e) {
                throw new ProviderFailure("The answer provider failed: " + e.getMessage(), e);
            }
        }
        return Citations.ground(answer.content(), answer.citations(), index.pageTexts());
    }

    private List<ChatMessage> earlierTurns(Caller caller, JobRecord job, String conversation) {
        List<ChatMessage> messages = conversations
                .conversations(job.uuid(), caller.owner(), Optional.of(conversation))
                .get(conversation);
        if (messages == null) {
            throw new NotFound("No conversation '" + conversation + "' about this job");
        }
        return messages.subList(Math.max(0, messages.size() - EARLIER_TURNS), messages.size());
    }

    /** A follow-up is searched together with the questions before it ("and the due date?"). */
    private static String retrievalQuery(String message, List<ChatMessage> earlier) {
        StringBuilder query = new StringBuilder(message);
        earlier.stream()
                .filter(turn -> ChatMessage.USER.equals(turn.role()))
                .forEach(turn -> query.append(' ').append(turn.content()));
        return query.toString();
    }
}
