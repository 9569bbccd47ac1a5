package com.ocrchat.job;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Jobs in a DynamoDB table keyed by {@code uuid}. {@code expires_at_epoch} is the table's TTL
 * attribute, so DynamoDB deletes a job when its retention ends.
 */
public final class DynamoJobStore implements JobStore {
    /** Global secondary index of template.yaml: owner (hash), created_at (range). */
    static final String OWNER_INDEX = "owner-created";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoJobStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(Job job) {
        dynamo.putItem(r -> r.tableName(table).item(toItem(job)).conditionExpression("attribute_not_exists(#uuid)")
                .expressionAttributeNames(Map.of("#uuid", "uuid")));
    }

    @Override
    public Optional<Job> find(String uuid) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of("uuid", AttributeValue.fromS(uuid))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public void save(Job job) {
        dynamo.putItem(r -> r.tableName(table).item(toItem(job)));
    }

    @Override
    public List<Job> recent(String owner, int limit) {
        return dynamo.query(r -> r.tableName(table).indexName(OWNER_INDEX)
                        .keyConditionExpression("#owner = :owner")
                        .expressionAttributeNames(Map.of("#owner", "owner"))
                        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner)))
                        .scanIndexForward(false).limit(limit))
                .items().stream().map(DynamoJobStore::fromItem).toList();
    }

    static Map<String, AttributeValue> toItem(Job job) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("uuid", AttributeValue.fromS(job.uuid()));
        item.put("owner", AttributeValue.fromS(job.owner()));
        item.put("status", AttributeValue.fromS(job.status().id()));
        item.put("tier", AttributeValue.fromS(job.tier()));
        item.put("requested_tier", AttributeValue.fromS(job.requestedTier()));
        item.put("language", AttributeValue.fromS(job.language()));
        putText(item, "detected_language", job.detectedLanguage());
        putText(item, "tool", job.tool());
        item.put("filename", AttributeValue.fromS(job.filename()));
        item.put("page_count", number(job.pageCount()));
        item.put("pages_done", number(job.pagesDone()));
        if (job.meanConfidence() != null) {
            item.put("mean_confidence", AttributeValue.fromN(job.meanConfidence().toString()));
        }
        item.put("credits_charged", number(job.creditsCharged()));
        item.put("created_at", AttributeValue.fromS(job.createdAt().toString()));
        if (job.completedAt() != null) {
            item.put("completed_at", AttributeValue.fromS(job.completedAt().toString()));
        }
        item.put("expires_at", AttributeValue.fromS(job.expiresAt().toString()));
        item.put("expires_at_epoch", number(job.expiresAt().getEpochSecond()));
        item.put("warnings", AttributeValue.fromL(job.warnings().stream().map(AttributeValue::fromS).toList()));
        putText(item, "error", job.error());
        putText(item, "charge_key", job.chargeKey());
        return item;
    }

    static Job fromItem(Map<String, AttributeValue> item) {
        return new Job(
                text(item, "uuid"),
                JobStatus.of(text(item, "status")),
                text(item, "tier"),
                text(item, "requested_tier"),
                text(item, "language"),
                text(item, "detected_language"),
                text(item, "tool"),
                text(item, "filename"),
                Integer.parseInt(item.get("page_count").n()),
                Integer.parseInt(item.get("pages_done").n()),
                item.containsKey("mean_confidence") ? Double.valueOf(item.get("mean_confidence").n()) : null,
                Integer.parseInt(item.get("credits_charged").n()),
                Instant.parse(text(item, "created_at")),
                item.containsKey("completed_at") ? Instant.parse(text(item, "completed_at")) : null,
                Instant.parse(text(item, "expires_at")),
                "", "", List.of(),
                item.containsKey("warnings") ? item.get("warnings").l().stream().map(AttributeValue::s).toList() : List.of(),
                text(item, "error"),
                text(item, "owner"),
                text(item, "charge_key"));
    }

    private static void putText(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
