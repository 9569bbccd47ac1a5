package com.ocrchat.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.auth.AccountStore;
import com.ocrchat.aws.AwsClients;
import com.ocrchat.aws.AwsStores;
import com.ocrchat.aws.Queues;
import com.ocrchat.conversation.ConversationStore;
import com.ocrchat.job.Chunk;
import com.ocrchat.job.ChunkQueue;
import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobStatus;
import com.ocrchat.job.JobStore;
import com.ocrchat.json.Json;
import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.metering.Charge;
import com.ocrchat.store.ObjectStore;
import com.ocrchat.testing.TestJobs;
import com.ocrchat.testing.contract.AccountStoreContract;
import com.ocrchat.testing.contract.BalanceLedgerContract;
import com.ocrchat.testing.contract.ChunkQueueContract;
import com.ocrchat.testing.contract.ConversationStoreContract;
import com.ocrchat.testing.contract.JobStoreContract;
import com.ocrchat.testing.contract.ObjectStoreContract;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The store contracts, run against whatever AWS a subclass's stores point at: the embedded services
 * ({@link EmbeddedAwsContractTest}) or LocalStack ({@link LocalStackContractTest}).
 */
abstract class AwsStoreContracts {

    abstract AwsStores stores();

    @Nested
    class Jobs extends JobStoreContract {
        @Override
        protected JobStore store() {
            return stores().jobs();
        }

        @Override
        protected BalanceLedger ledger() {
            return stores().ledger();
        }

        /**
         * The job's failure and its refund are one DynamoDB transaction: a refund DynamoDB refuses (here an account
         * item whose balance is not a number) leaves the job unfailed, for a retry or the sweep, not failed unrefunded.
         */
        @Test
        void aRefundDynamoDbRefusesLeavesTheJobUnfailed() {
            String accountId = "broken-" + UUID.randomUUID();
            AwsClients.dynamo(stores().settings())
                    .putItem(r -> r.tableName(stores().settings().accountsTable())
                            .item(Map.of(
                                    "pk",
                                    AttributeValue.fromS("account#" + accountId),
                                    "credits_remaining",
                                    AttributeValue.fromS("not a number"))));
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            JobRecord job = TestJobs.unfinished(
                    UUID.randomUUID().toString(),
                    "account#" + accountId,
                    JobStatus.PENDING,
                    3,
                    Charge.ofCredits(accountId, 3),
                    now);
            stores().jobs().create(job);

            assertThrows(
                    RuntimeException.class,
                    () -> stores().jobs().fail(job.failed("a fault of ours", now), Charge.ofCredits(accountId, 3)));

            assertEquals(
                    JobStatus.PENDING,
                    stores().jobs().find(job.uuid()).orElseThrow().status());
            assertTrue(stores().jobs().fail(job.failed("cleaned up", now), Charge.ofCredits(accountId, 0)));
            AwsClients.dynamo(stores().settings())
                    .deleteItem(r -> r.tableName(stores().settings().accountsTable())
                            .key(Map.of("pk", AttributeValue.fromS("account#" + accountId))));
        }
    }

    @Nested
    class Objects extends ObjectStoreContract {
        @Override
        protected ObjectStore store() {
            return stores().objects();
        }
    }

    @Nested
    class Accounts extends AccountStoreContract {
        @Override
        protected AccountStore accounts() {
            return stores().accounts();
        }
    }

    @Nested
    class Deliveries extends com.ocrchat.testing.contract.DeliveryLogContract {
        @Override
        protected com.ocrchat.webhook.DeliveryLog log() {
            return stores().deliveries();
        }
    }

    @Nested
    class IdempotencyKeys extends com.ocrchat.testing.contract.IdempotencyStoreContract {
        @Override
        protected com.ocrchat.job.IdempotencyStore store() {
            return stores().idempotencyKeys();
        }
    }

    @Nested
    class Balances extends BalanceLedgerContract {
        @Override
        protected BalanceLedger ledger() {
            return stores().ledger();
        }

        @Override
        protected AccountStore accounts() {
            return stores().accounts();
        }
    }

    @Nested
    class Conversations extends ConversationStoreContract {
        @Override
        protected ConversationStore store() {
            return stores().conversations();
        }
    }

    /** Two queues of the test's own (no poller drains them), received from directly. */
    @Nested
    class Queue extends ChunkQueueContract {
        private final SqsClient sqs = AwsClients.sqs(stores().settings());
        private final String normal = sqs.createQueue(r -> r.queueName("contract-" + System.nanoTime()))
                .queueUrl();
        private final String priority = sqs.createQueue(r -> r.queueName("contract-priority-" + System.nanoTime()))
                .queueUrl();

        @Override
        protected ChunkQueue queue() {
            return stores().chunkQueue(new Queues(Optional.of(normal), Optional.of(priority)));
        }

        @Override
        protected List<Chunk> received(boolean fromPriority) {
            String url = fromPriority ? priority : normal;
            List<Chunk> chunks = new ArrayList<>();
            for (int empty = 0; empty < 2; ) {
                var messages = sqs.receiveMessage(
                                r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages();
                empty = messages.isEmpty() ? empty + 1 : 0;
                for (var message : messages) {
                    chunks.add(Json.read(message.body().getBytes(StandardCharsets.UTF_8), Chunk.class));
                    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
                }
            }
            return chunks;
        }
    }
}
