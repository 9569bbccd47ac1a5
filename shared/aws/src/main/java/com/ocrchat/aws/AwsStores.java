package com.ocrchat.aws;

import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.LoginStore;
import com.ocrchat.auth.SessionStore;
import com.ocrchat.concurrent.Once;
import com.ocrchat.conversation.ConversationStore;
import com.ocrchat.job.ChunkQueue;
import com.ocrchat.job.IdempotencyStore;
import com.ocrchat.job.JobStore;
import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.settings.Env;
import com.ocrchat.store.ObjectStore;
import com.ocrchat.webhook.DeliveryLog;
import com.ocrchat.webhook.WebhookQueue;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The stores of one process (a Lambda container, or the local server's JVM), each built on first use:
 * a function that never asks for the queue never builds an SQS client. The handlers of one process
 * share them, as they share its connections.
 */
public final class AwsStores {
    private static volatile AwsStores shared;

    private final AwsSettings settings;
    private final Supplier<DynamoDbClient> dynamo;
    private final Supplier<S3Client> s3;
    private final Supplier<SqsClient> sqs;
    private final Supplier<AccountStore> accounts;
    private final Supplier<DynamoBalanceLedger> ledger;
    private final Supplier<JobStore> jobs;
    private final Supplier<ObjectStore> objects;
    private final Supplier<ConversationStore> conversations;
    private final Supplier<IdempotencyStore> idempotencyKeys;
    private final Supplier<DeliveryLog> deliveries;
    private final Supplier<LoginStore> logins;
    private final Supplier<SessionStore> sessions;

    public AwsStores(Env env) {
        this.settings = AwsSettings.from(env);
        this.dynamo = Once.of(() -> AwsClients.dynamo(settings));
        this.s3 = Once.of(() -> AwsClients.s3(settings));
        this.sqs = Once.of(() -> AwsClients.sqs(settings));
        this.accounts = Once.of(() -> new DynamoAccountStore(dynamo.get(), settings.accountsTable()));
        this.ledger = Once.of(() -> new DynamoBalanceLedger(dynamo.get(), settings.accountsTable()));
        this.jobs = Once.of(() -> new DynamoJobStore(dynamo.get(), settings.jobsTable(), ledger.get()));
        this.objects = Once.of(() -> new S3ObjectStore(s3.get(), AwsClients.s3Presigner(settings), settings.bucket()));
        this.conversations = Once.of(() -> new DynamoConversationStore(dynamo.get(), settings.chatTable()));
        this.idempotencyKeys = Once.of(() -> new DynamoIdempotencyStore(dynamo.get(), settings.jobsTable()));
        this.deliveries = Once.of(() -> new DynamoDeliveryLog(dynamo.get(), settings.jobsTable()));
        this.logins = Once.of(() -> new DynamoLoginStore(dynamo.get(), settings.accountsTable()));
        this.sessions = Once.of(() -> new DynamoSessionStore(dynamo.get(), settings.accountsTable()));
    }

    /** The process's stores, configured from its environment on first use. */
    public static AwsStores shared() {
        AwsStores current = shared;
        if (current == null) {
            synchronized (AwsStores.class) {
                if (shared == null) {
                    shared = new AwsStores(Env.fromEnvironment());
                }
                current = shared;
            }
        }
        return current;
    }

    /** Forgets the process's stores, so the next handler built reads its settings anew (the local server, tests). */
    public static synchronized void reset() {
        shared = null;
    }

    public AwsSettings settings() {
        return settings;
    }

    public AccountStore accounts() {
        return accounts.get();
    }

    public BalanceLedger ledger() {
        return ledger.get();
    }

    public JobStore jobs() {
        return jobs.get();
    }

    public ObjectStore objects() {
        return objects.get();
    }

    /** The chunk queues these settings name, on the process's SQS client. */
    public ChunkQueue chunkQueue(Queues queues) {
        return new SqsChunkQueue(sqs.get(), queues);
    }

    /** What brings a chunk that failed back to {@code queues} soon (see {@link SqsRetryBackoff}). */
    public SqsRetryBackoff chunkRetries(Queues queues) {
        return new SqsRetryBackoff(sqs.get(), queues);
    }

    public ConversationStore conversations() {
        return conversations.get();
    }

    public IdempotencyStore idempotencyKeys() {
        return idempotencyKeys.get();
    }

    public LoginStore logins() {
        return logins.get();
    }

    public SessionStore sessions() {
        return sessions.get();
    }

    public DeliveryLog deliveries() {
        return deliveries.get();
    }

    /** The webhooks queue these settings name ({@code OCRCHAT_WEBHOOKS_QUEUE_URL}), on the process's SQS client. */
    public WebhookQueue webhookQueue(Env env) {
        return new SqsWebhookQueue(sqs, env.optional("OCRCHAT_WEBHOOKS_QUEUE_URL"));
    }
}
