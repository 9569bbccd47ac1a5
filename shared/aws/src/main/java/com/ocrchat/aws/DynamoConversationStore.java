package com.ocrchat.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.ocrchat.auth.Tokens;
import com.ocrchat.conversation.ChatMessage;
import com.ocrchat.conversation.Citation;
import com.ocrchat.conversation.ConversationStore;
import com.ocrchat.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Messages in a table keyed by {@code pk} = job and caller, {@code sk} = conversation, time and order,
 * so one query returns a caller's conversations about a job in order; {@code expires_at_epoch} (TTL)
 * is the job's, so the messages go when the job goes.
 */
public final class DynamoConversationStore implements ConversationStore {
    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {};

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoConversationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void append(String uuid, String owner, String conversation, List<ChatMessage> messages, Instant expiresAt) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS(partition(uuid, owner)));
            item.put(
                    "sk",
                    AttributeValue.fromS(conversation + "#"
                            + String.format("%013d", message.createdAt().toEpochMilli()) + "#" + i));
            item.put("conversation", AttributeValue.fromS(conversation));
            item.put("role", AttributeValue.fromS(message.role()));
            item.put("content", AttributeValue.fromS(message.content()));
            item.put("citations", AttributeValue.fromS(Json.write(message.citations())));
            item.put("created_at", AttributeValue.fromS(message.createdAt().toString()));
            item.put("expires_at_epoch", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
            writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        var unprocessed = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, writes)))
                .unprocessedItems();
        while (unprocessed != null && !unprocessed.isEmpty()) {
            var retry = unprocessed;
            unprocessed = dynamo.batchWriteItem(r -> r.requestItems(retry)).unprocessedItems();
        }
    }

    @Override
    public Map<String, List<ChatMessage>> conversations(String uuid, String owner, Optional<String> conversation) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(partition(uuid, owner))));
        conversation.ifPresent(id -> values.put(":conversation", AttributeValue.fromS(id + "#")));
        Map<String, List<ChatMessage>> conversations = new LinkedHashMap<>();
        dynamo.queryPaginator(r -> r.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression(
                                "pk = :pk" + (conversation.isPresent() ? " AND begins_with(sk, :conversation)" : ""))
                        .expressionAttributeValues(values))
                .items()
                .forEach(item -> conversations
                        .computeIfAbsent(item.get("conversation").s(), id -> new ArrayList<>())
                        .add(message(item)));
        List<Map.Entry<String, List<ChatMessage>>> ordered = new ArrayList<>(conversations.entrySet());
        ordered.sort(Comparator.comparing(entry -> entry.getValue().get(0).createdAt()));
        Map<String, List<ChatMessage>> oldestFirst = new LinkedHashMap<>();
        ordered.forEach(entry -> oldestFirst.put(entry.getKey(), entry.getValue()));
        return oldestFirst;
    }

    private static ChatMessage message(Map<String, AttributeValue> item) {
        try {
            return new ChatMessage(
                    item.get("role").s(),
                    item.get("content").s(),
                    Json.MAPPER.readValue(item.get("citations").s(), CITATIONS),
                    Instant.parse(item.get("created_at").s()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The owner is hashed: the key says whose conversation it is without spelling out an IP address. */
    private static String partition(String uuid, String owner) {
        return "job#" + uuid + "#" + Tokens.hash(owner).substring(0, 32);
    }
}
