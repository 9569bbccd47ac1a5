package com.ocrchat.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ocrchat.auth.Caller;
import com.ocrchat.http.ApiException;
import com.ocrchat.job.Job;
import com.ocrchat.job.JobService;
import com.ocrchat.job.JobStatus;
import com.ocrchat.json.Json;
import com.ocrchat.settings.Settings;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Chat about a finished job: the question is matched against the job's passages (BM25), the answer
 * provider sees only the best passages, labelled with their pages, and every citation it returns is
 * checked against the page it names. Both turns are stored with the conversation.
 */
public final class ChatService {
    private static final int PASSAGES = 5;
    private static final int EARLIER_TURNS = 4;

    /** The POST answer: the conversation and the assistant's message. */
    public record Reply(String conversation, ChatMessage message) {
    }

    /** A conversation with its messages in order. */
    public record Conversation(String conversation, List<ChatMessage> messages) {
    }

    private final Settings settings;
    private final JobService jobs;
    private final ConversationStore conversations;
    private final AnswerProvider provider;
    private final ChatQuota quota;
    private final PassageIndexes indexes = new PassageIndexes();
    private final Clock clock;

    public ChatService(Settings settings, JobService jobs, ConversationStore conversations, AnswerProvider provider,
                       DynamoDbClient dynamo, Clock clock) {
        this.settings = settings;
        this.jobs = jobs;
        this.conversations = conversations;
        this.provider = provider;
        this.quota = new ChatQuota(dynamo, settings.accountsTable, settings.chatMessagesPerDay, clock);
        this.clock = clock;
    }

    public Reply ask(Caller caller, String uuid, byte[] body) {
        JsonNode request = parse(body);
        String message = request.path("message").isTextual() ? request.get("message").asText().strip() : "";
        if (message.isEmpty()) {
            throw ApiException.badRequest("Send {\"message\": \"your question\"}; the message is empty or missing");
        }
        if (message.length() > settings.chatMaxMessageChars) {
            throw new ApiException(400, "The message is longer than " + settings.chatMaxMessageChars + " characters",
                    Map.of("max_chars", settings.chatMaxMessageChars));
        }
        Optional<String> conversation = request.path("conversation").isTextual() && !request.get("conversation").asText().isBlank()
                ? Optional.of(request.get("conversation").asText().strip()) : Optional.empty();
        Job job = jobs.find(caller, uuid);
        if (job.status() != JobStatus.DONE) {
            throw new ApiException(409, "The job is " + job.status().id() + "; chat opens once it is done", Map.of("status", job.status().id()));
        }
        List<ChatMessage> earlier = conversation.map(id -> earlierTurns(caller, job, id)).orElse(List.of());
        quota.take(caller);

        PassageIndexes.Indexed indexed = indexes.of(job.uuid(), () -> jobs.withDetail(caller, uuid).pages());
        List<Passage> passages = indexed.index().search(retrievalQuery(message, earlier), PASSAGES).stream()
                .map(PassageIndex.Hit::passage).toList();
        AnswerProvider.Answer answer;
        if (passages.isEmpty()) {
            answer = new AnswerProvider.Answer(ExtractiveAnswerer.NOT_FOUND, List.of());
        } else {
            try {
                answer = provider.answer(message, earlier, passages);
            } catch (RuntimeException e) {
                throw new ApiException(502, "The answer provider failed: " + e.getMessage());
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ChatMessage question = new ChatMessage(ChatMessage.USER, message, List.of(), now);
        ChatMessage reply = new ChatMessage(ChatMessage.ASSISTANT, answer.content(), Citations.verified(answer.citations(), indexed.pages()),
                now.plusMillis(1));
        String id = conversation.orElseGet(() -> UUID.randomUUID().toString());
        conversations.append(job.uuid(), caller.owner(), id, List.of(question, reply), job.expiresAt());
        return new Reply(id, reply);
    }

    public List<Conversation> history(Caller caller, String uuid, Optional<String> conversation) {
        Job job = jobs.find(caller, uuid);
        Map<String, List<ChatMessage>> found = conversations.conversations(job.uuid(), caller.owner(), conversation);
        if (conversation.isPresent() && found.isEmpty()) {
            throw ApiException.notFound("No conversation '" + conversation.get() + "' about this job");
        }
        List<Conversation> history = new ArrayList<>();
        found.forEach((id, messages) -> history.add(new Conversation(id, messages)));
        return history;
    }

    private List<ChatMessage> earlierTurns(Caller caller, Job job, String conversation) {
        List<ChatMessage> messages = conversations.conversations(job.uuid(), caller.owner(), Optional.of(conversation)).get(conversation);
        if (messages == null) {
            throw ApiException.notFound("No conversation '" + conversation + "' about this job");
        }
        return messages.subList(Math.max(0, messages.size() - EARLIER_TURNS), messages.size());
    }

    /** A follow-up is searched together with the questions before it ("and the due date?"). */
    private static String retrievalQuery(String message, List<ChatMessage> earlier) {
        StringBuilder query = new StringBuilder(message);
        earlier.stream().filter(turn -> ChatMessage.USER.equals(turn.role())).forEach(turn -> query.append(' ').append(turn.content()));
        return query.toString();
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw ApiException.badRequest("The body must be a JSON object: {\"message\": \"your question\"}");
            }
            return json;
        } catch (IOException e) {
            throw ApiException.badRequest("The body is not JSON: send {\"message\": \"your question\"}");
        }
    }
}
