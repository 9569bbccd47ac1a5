package com.ocrchat.aws;

import static com.ocrchat.aws.JobsTable.n;
import static com.ocrchat.aws.JobsTable.s;

import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobStatus;
import com.ocrchat.job.JobStore;
import com.ocrchat.metering.Charge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Jobs in the jobs table ({@link JobsTable}); every move of a job's status is a conditional write. */
public final class DynamoJobStore implements JobStore {
    private static final Map<String, String> STATUS = Map.of("#status", "status");

    private final DynamoDbClient dynamo;
    private final String table;
    private final RefundedWrites refunds;

    /** Jobs in {@code table}, whose failures are refunded to {@code ledger}'s balances in the same transaction. */
    public DynamoJobStore(DynamoDbClient dynamo, String table, DynamoBalanceLedger ledger) {
        this.dynamo = dynamo;
        this.table = table;
        this.refunds = new RefundedWrites(dynamo, ledger);
    }

    @Override
    public void create(JobRecord job) {
        dynamo.putItem(r -> r.tableName(table)
                .item(JobsTable.toItem(job))
                .conditionExpression("attribute_not_exists(#uuid)")
                .expressionAttributeNames(Map.of("#uuid", JobsTable.KEY)));
    }

    @Override
    public Optional<JobRecord> find(String uuid) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(JobsTable.key(uuid)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(JobsTable.fromItem(item));
    }

    @Override
    public void markProcessing(String uuid, Instant at) {
        try {
            // One write: a job already processing is set processing again, which changes nothing.
            dynamo.updateItem(r -> r.tableName(table)
                    .key(JobsTable.key(uuid))
                    .updateExpression("SET progressed_at = :at, #status = :processing")
                    .conditionExpression("#status IN (:pending, :processing)")
                    .expressionAttributeNames(STATUS)
                    .expressionAttributeValues(Map.of(
                            ":at",
                            s(at.toString()),
                            ":processing",
                            s(JobStatus.PROCESSING.id()),
                            ":pending",
                            s(JobStatus.PENDING.id()))));
        } catch (ConditionalCheckFailedException finished) {
            // Finished, failed or expired: nothing to start.
        }
    }

    @Override
    public void markPending(String uuid) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(JobsTable.key(uuid))
                    .updateExpression("SET #status = :pending")
                    .conditionExpression("#status = :processing AND attribute_not_exists(progressed_at)")
                    .expressionAttributeNames(STATUS)
                    .expressionAttributeValues(unfinished()));
        } catch (ConditionalCheckFailedException begunOrEnded) {
            // A chunk of it began, or it ended: nothing to hand over.
        }
    }

    @Override
    public JobRecord countChunk(String uuid, String chunkId, int pages) {
        try {
            return JobsTable.fromItem(dynamo.updateItem(r -> r.tableName(table)
                            .key(JobsTable.key(uuid))
                            .updateExpression("ADD chunks_done :chunk, pages_done :pages")
                            .conditionExpression("attribute_exists(#uuid) AND NOT contains(chunks_done, :id)")
                            .expressionAttributeNames(Map.of("#uuid", JobsTable.KEY))
                            .expressionAttributeValues(Map.of(
                                    ":chunk",
                                    AttributeValue.fromSs(List.of(chunkId)),
                                    ":pages",
                                    n(pages),
                                    ":id",
                                    s(chunkId)))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes());
        } catch (ConditionalCheckFailedException countedBefore) {
            return find(uuid).orElseThrow(() -> new IllegalStateException("Job " + uuid + " is gone"));
        }
    }

    @Override
    public boolean finish(JobRecord done) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(JobsTable.toItem(done))
                    .conditionExpression("#status IN (:pending, :processing)")
                    .expressionAttributeNames(STATUS)
                    .expressionAttributeValues(unfinished()));
            return true;
        } catch (ConditionalCheckFailedException anotherWriterWon) {
            return false;
        }
    }

    /**
     * One transaction: the job's move to failed and its refund (see {@link DynamoBalanceLedger#refundWrite}). The SDK gives
     * the transaction a client request token that its own retries reuse, so a retry of a failure that went through
     * reads as it, not as another writer's.
     */
    @Override
    public boolean fail(JobRecord failed, Charge refund) {
        return fail(failed, refund, Optional.empty());
    }

    @Override
    public boolean failIdle(JobRecord failed, Charge refund, Instant idleSince) {
        return fail(failed, refund, Optional.of(idleSince));
    }

    private boolean fail(JobRecord failed, Charge refund, Optional<Instant> idleSince) {
        Map<String, AttributeValue> values = new HashMap<>(unfinished());
        // Compared as text, as created_at is: every instant written is whole seconds (JobLifecycle truncates), so that
        // ISO-8601 strings order as the instants do ("...19.5Z" would sort before "...19Z").
        idleSince.ifPresent(since -> values.put(":idle", s(since.toString())));
        values.put(":failed", s(JobStatus.FAILED.id()));
        values.put(":message", s(failed.error()));
        values.put(":at", s(failed.completedAt().toString()));
        values.put(":credits", n(failed.charge().credits()));
        TransactWriteItem job = TransactWriteItem.builder()
                .update(u -> u.tableName(table)
                        .key(JobsTable.key(failed.uuid()))
                        .updateExpression(
                                "SET #status = :failed, #error = :message, completed_at = :at, credits_charged = :credits")
                        .conditionExpression("#status IN (:pending, :processing)"
                                + (idleSince.isPresent()
                                        ? " AND (attribute_not_exists(progressed_at) OR progressed_at < :idle)"
                                        : ""))
                        .expressionAttributeNames(Map.of("#status", "status", "#error", "error"))
                        .expressionAttributeValues(values))
                .build();
        return refunds.write(job, refund);
    }

    /** A failed job filed whole, with its refund, unless a record of it exists: one transaction. */
    @Override
    public boolean failIfAbsent(JobRecord failed, Charge refund) {
        TransactWriteItem job = TransactWriteItem.builder()
                .put(p -> p.tableName(table)
                        .item(JobsTable.toItem(failed))
                        .conditionExpression("attribute_not_exists(#uuid)")
                        .expressionAttributeNames(Map.of("#uuid", JobsTable.KEY)))
                .build();
        return refunds.write(job, refund);
    }

    @Override
    public void noteFailure(String uuid, String message) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(JobsTable.key(uuid))
                    .updateExpression("SET last_failure = :message")
                    .conditionExpression("attribute_exists(#uuid)")
                    .expressionAttributeNames(Map.of("#uuid", JobsTable.KEY))
                    .expressionAttributeValues(Map.of(":message", s(message))));
        } catch (ConditionalCheckFailedException gone) {
            // The job expired meanwhile: nothing to remember.
        }
    }

    @Override
    public Optional<String> lastFailure(String uuid) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(JobsTable.key(uuid))
                        .consistentRead(true)
                        .projectionExpression("last_failure"))
                .item();
        return item == null ? Optional.empty() : Optional.ofNullable(JobsTable.text(item, "last_failure"));
    }

    @Override
    public List<JobRecord> unfinishedSince(Instant before) {
        return byStatus(
                List.of(JobStatus.PENDING, JobStatus.PROCESSING),
                "created_at < :at",
                before,
                "attribute_not_exists(progressed_at) OR progressed_at < :at");
    }

    @Override
    public List<JobRecord> endedWithCallbackSince(Instant createdAfter) {
        return byStatus(
                List.of(JobStatus.DONE, JobStatus.FAILED),
                "created_at > :at",
                createdAfter,
                "attribute_exists(callback_url)");
    }

    /** Jobs in these statuses whose creation meets {@code createdCondition} on {@code at}, from the status index. */
    private List<JobRecord> byStatus(List<JobStatus> statuses, String createdCondition, Instant at, String filter) {
        List<JobRecord> found = new ArrayList<>();
        for (JobStatus status : statuses) {
            dynamo.queryPaginator(r -> r.tableName(table)
                            .indexName(JobsTable.STATUS_INDEX)
                            .keyConditionExpression("#status = :status AND " + createdCondition)
                            .filterExpression(filter)
                            .expressionAttributeNames(STATUS)
                            .expressionAttributeValues(Map.of(":status", s(status.id()), ":at", s(at.toString()))))
                    .items()
                    .forEach(item -> found.add(JobsTable.fromItem(item)));
        }
        return found;
    }

    @Override
    public List<JobRecord> recent(String owner, int limit) {
        return dynamo
                .query(r -> r.tableName(table)
                        .indexName(JobsTable.OWNER_INDEX)
                        .keyConditionExpression("#owner = :owner")
                        .expressionAttributeNames(Map.of("#owner", "owner"))
                        .expressionAttributeValues(Map.of(":owner", s(owner)))
                        .scanIndexForward(false)
                        .limit(limit))
                .items()
                .stream()
                .map(JobsTable::fromItem)
                .toList();
    }

    private static Map<String, AttributeValue> unfinished() {
        return Map.of(":pending", s(JobStatus.PENDING.id()), ":processing", s(JobStatus.PROCESSING.id()));
    }
}
