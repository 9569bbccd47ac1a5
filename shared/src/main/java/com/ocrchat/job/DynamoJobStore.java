package com.ocrchat.job;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Jobs in a DynamoDB table keyed by {@code uuid}. {@code expires_at_epoch} is the table's TTL
 * attribute, so DynamoDB deletes a job when its retention ends.
 */
public final class DynamoJobStore implements JobStore {
    /** Global secondary index of template.yaml: owner (hash), created_at (range). */
    static final String OWNER_INDEX = "owner-created";
    /** Global secondary index of template.yaml: status (hash), created_at (range), for the stuck-job sweep. */
    static final String STATUS_INDEX = "status-created";
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
    public void markProcessing(String uuid) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(uuid))
                    .updateExpression("SET #status = :processing")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":processing", AttributeValue.fromS(JobStatus.PROCESSING.id()),
                            ":pending", AttributeValue.fromS(JobStatus.PENDING.id()))));
        } catch (ConditionalCheckFailedException alreadyStarted) {
            // Another chunk started it first, or it has finished.
        }
    }

    @Override
    public Job countChunk(String uuid, String chunkId, int pages) {
        try {
            return fromItem(dynamo.updateItem(r -> r.tableName(table).key(key(uuid))
                    .updateExpression("ADD chunks_done :chunk, pages_done :pages")
                    .conditionExpression("attribute_exists(#uuid) AND NOT contains(chunks_done, :id)")
                    .expressionAttributeNames(Map.of("#uuid", "uuid"))
                    .expressionAttributeValues(Map.of(":chunk", AttributeValue.fromSs(List.of(chunkId)),
                            ":pages", number(pages), ":id", AttributeValue.fromS(chunkId)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes());
        } catch (ConditionalCheckFailedException countedBefore) {
            return find(uuid).orElseThrow(() -> new IllegalStateException("Job " + uuid + " is gone"));
        }
    }

    @Override
    public boolean finish(Job done) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(toItem(done))
                    .conditionExpression("#status IN (:pending, :processing)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(unfinished()));
            return true;
        } catch (ConditionalCheckFailedException anotherWriterWon) {
            return false;
        }
    }

    @Override
    public boolean fail(String uuid, String message, java.time.Instant at) {
        Map<String, AttributeValue> values = new HashMap<>(unfinished());
        values.put(":failed", AttributeValue.fromS(JobStatus.FAILED.id()));
        values.put(":message", AttributeValue.fromS(message));
        values.put(":at", AttributeValue.fromS(at.toString()));
        values.put(":zero", number(0));
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(uuid))
                    .updateExpression("SET #status = :failed, #error = :message, completed_at = :at, credits_charged = :zero")
                    .conditionExpression("#status IN (:pending, :processing)")
                    .expressionAttributeNames(Map.of("#status", "status", "#error", "error"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException alreadyFinished) {
            return false;
        }
    }

    @Override
    public void noteFailure(String uuid, String message) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(uuid))
                    .updateExpression("SET last_failure = :message")
                    .conditionExpression("attribute_exists(#uuid)")
                    .expressionAttributeNames(Map.of("#uuid", "uuid"))
                    .expressionAttributeValues(Map.of(":message", AttributeValue.fromS(message))));
        } catch (ConditionalCheckFailedException gone) {
            // The job expired meanwhile: nothing to remember.
        }
    }

    @Override
    public Optional<String> lastFailure(String uuid) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(uuid)).consistentRead(true)
                .projectionExpression("last_failure")).item();
        return item == null ? Optional.empty() : Optional.ofNullable(text(item, "last_failure"));
    }

    @Override
    public List<Job> unfinishedSince(java.time.Instant before) {
        List<Job> stuck = new java.util.ArrayList<>();
        for (JobStatus status : List.of(JobStatus.PENDING, JobStatus.PROCESSING)) {
            dynamo.queryPaginator(r -> r.tableName(table).indexName(STATUS_INDEX)
                            .keyConditionExpression("#status = :status AND created_at < :before")
                            .expressionAttributeNames(Map.of("#status", "status"))
                            .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(status.id()),
                                    ":before", AttributeValue.fromS(before.toString()))))
                    .items().forEach(item -> stuck.add(fromItem(item)));
        }
        return stuck;
    }

    private static Map<String, AttributeValue> unfinished() {
        return Map.of(":pending", AttributeValue.fromS(JobStatus.PENDING.id()), ":processing", AttributeValue.fromS(JobStatus.PROCESSING.id()));
    }

    private static Map<String, AttributeValue> key(String uuid) {
        return Map.of("uuid", AttributeValue.fromS(uuid));
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
        putText(item, "translate_to", job.translateTo());
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
                "", "", null, List.of(),
                item.containsKey("warnings") ? item.get("warnings").l().stream().map(AttributeValue::s).toList() : List.of(),
                text(item, "error"),
                text(item, "owner"),
                text(item, "charge_key"),
                text(item, "translate_to"));
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
