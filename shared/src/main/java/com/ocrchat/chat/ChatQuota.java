package com.ocrchat.chat;

import com.ocrchat.auth.Caller;
import com.ocrchat.http.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Chat messages per account per UTC day, counted with a conditional update in the accounts table; past it, 429. */
final class ChatQuota {
    private final DynamoDbClient dynamo;
    private final String table;
    private final int perDay;
    private final Clock clock;

    ChatQuota(DynamoDbClient dynamo, String table, int perDay, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.perDay = perDay;
        this.clock = clock;
    }

    void take(Caller caller) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long resets = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS("chat#" + caller.accountId() + "#" + day)))
                    .updateExpression("ADD messages :one SET expires_at_epoch = :expires")
                    .conditionExpression("attribute_not_exists(messages) OR messages < :limit")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":limit", AttributeValue.fromN(Integer.toString(perDay)),
                            ":expires", AttributeValue.fromN(Long.toString(resets + 86_400)))));
        } catch (ConditionalCheckFailedException e) {
            throw new ApiException(429, "Too many chat messages today: " + perDay + " per account per day",
                    Map.of("limit", perDay, "resets_at", java.time.Instant.ofEpochSecond(resets).toString()));
        }
    }
}
