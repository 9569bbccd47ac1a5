package com.ocrchat.aws;

import com.ocrchat.job.IdempotencyStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency keys as items of the jobs table, keyed {@code idem#...} (no job's uuid looks so; the items have
 * no owner or status, so no index holds them) and expired by the table's TTL. The claim is a conditional put.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {
    private static final String REQUEST = "request_hash";
    private static final String RESULT = "result_id";
    private static final String EXPIRES = "expires_at_epoch";
    private static final String CLAIMED = "claimed_at_millis";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoIdempotencyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Claim> claim(String key, String requestHash, Instant expiresAt, Instant staleBefore) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of(
                            JobsTable.KEY,
                            AttributeValue.fromS(key),
                            REQUEST,
                            AttributeValue.fromS(requestHash),
                            EXPIRES,
                            AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())),
                            CLAIMED,
                            AttributeValue.fromN(Long.toString(Instant.now().toEpochMilli()))))
                    // TTL deletes lag by up to two days: an expired claim is free to take; so is one whose request
                    // died before it made anything.
                    .conditionExpression("attribute_not_exists(#key) OR #expires < :now"
                            + " OR (attribute_not_exists(#result) AND #claimed < :stale)")
                    .expressionAttributeNames(
                            Map.of("#key", JobsTable.KEY, "#expires", EXPIRES, "#result", RESULT, "#claimed", CLAIMED))
                    .expressionAttributeValues(Map.of(
                            ":now",
                            AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond())),
                            ":stale",
                            AttributeValue.fromN(Long.toString(staleBefore.toEpochMilli())))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException held) {
            // released in between: try again
            return find(key).or(() -> claim(key, requestHash, expiresAt, staleBefore));
        }
    }

    @Override
    public void settle(String key, String resultId) {
        dynamo.updateItem(r -> r.tableName(table)
                .key(JobsTable.key(key))
                .updateExpression("SET #result = :result")
                .conditionExpression("attribute_exists(#key)")
                .expressionAttributeNames(Map.of("#result", RESULT, "#key", JobsTable.KEY))
                .expressionAttributeValues(Map.of(":result", AttributeValue.fromS(resultId))));
    }

    @Override
    public void release(String key) {
        dynamo.deleteItem(r -> r.tableName(table).key(JobsTable.key(key)));
    }

    @Override
    public Optional<Claim> find(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(JobsTable.key(key)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Claim(
                item.get(REQUEST).s(), Optional.ofNullable(item.get(RESULT)).map(AttributeValue::s)));
    }
}
