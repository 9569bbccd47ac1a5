package com.ocrchat.aws;

import com.ocrchat.json.Json;
import com.ocrchat.webhook.DeliveryAttempt;
import com.ocrchat.webhook.DeliveryLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A job's delivery log as one item of the jobs table, keyed {@code deliveries#<uuid>} (no job's uuid looks so; the
 * item has no owner or status, so no index holds it): a list of attempts, each as JSON, appended by one update;
 * expired with the job by the table's TTL.
 */
public final class DynamoDeliveryLog implements DeliveryLog {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDeliveryLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(String jobUuid, DeliveryAttempt attempt, Instant expiresAt) {
        dynamo.updateItem(r -> r.tableName(table)
                .key(JobsTable.key(key(jobUuid)))
                .updateExpression("SET attempts = list_append(if_not_exists(attempts, :none), :one), "
                        + "expires_at_epoch = :expires")
                .expressionAttributeValues(Map.of(
                        ":none", AttributeValue.fromL(List.of()),
                        ":one", AttributeValue.fromL(List.of(AttributeValue.fromS(Json.write(attempt)))),
                        ":expires", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())))));
    }

    @Override
    public List<DeliveryAttempt> attempts(String jobUuid) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(JobsTable.key(key(jobUuid))).consistentRead(true))
                .item();
        if (item == null || !item.containsKey("attempts")) {
            return List.of();
        }
        return item.get("attempts").l().stream()
                .map(value ->
                        Json.read(value.s().getBytes(java.nio.charset.StandardCharsets.UTF_8), DeliveryAttempt.class))
                .toList();
    }

    private static String key(String jobUuid) {
        return "deliveries#" + jobUuid;
    }
}
