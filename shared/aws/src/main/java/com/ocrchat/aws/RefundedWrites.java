package com.ocrchat.aws;

import com.ocrchat.metering.Charge;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** A job's conditional write with its refund, in one DynamoDB transaction ({@link DynamoJobStore}'s failures). */
final class RefundedWrites {
    private final DynamoDbClient dynamo;
    private final DynamoBalanceLedger ledger;

    RefundedWrites(DynamoDbClient dynamo, DynamoBalanceLedger ledger) {
        this.dynamo = dynamo;
        this.ledger = ledger;
    }

    /**
     * {@code job}'s conditional write and the refund in one transaction: false when the job's condition fails. A refund
     * with nobody to take it is dropped; a conflict with another write of the same items is tried again.
     */
    boolean write(TransactWriteItem job, Charge refund) {
        List<TransactWriteItem> writes = refund.credits() > 0
                ? List.of(
                        job,
                        TransactWriteItem.builder()
                                .update(ledger.refundWrite(refund))
                                .build())
                : List.of(job);
        for (int attempt = 1; ; attempt++) {
            try {
                List<TransactWriteItem> these = writes;
                dynamo.transactWriteItems(r -> r.transactItems(these));
                return true;
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.cancellationReasons();
                if (conditionFailed(reasons, 0)) {
                    return false; // the job's condition: ended already (another writer won), or filed already
                }
                if (conditionFailed(reasons, 1)) {
                    writes = List.of(job); // nobody left to take the refund: the job still fails
                } else if (attempt < FAIL_ATTEMPTS && conflicted(reasons)) {
                    pause(attempt); // another write to the same items at the same moment: try again
                } else {
                    throw cancelled;
                }
            }
        }
    }

    private static final int FAIL_ATTEMPTS = 5;

    private static boolean conditionFailed(List<CancellationReason> reasons, int write) {
        return reasons.size() > write
                && "ConditionalCheckFailed".equals(reasons.get(write).code());
    }

    private static boolean conflicted(List<CancellationReason> reasons) {
        return reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while failing a job", e);
        }
    }
}
