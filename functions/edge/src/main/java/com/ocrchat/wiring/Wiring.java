package com.ocrchat.wiring;

import com.ocrchat.account.AccountSessions;
import com.ocrchat.account.SignUpSettings;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.aws.AwsSettings;
import com.ocrchat.aws.AwsStores;
import com.ocrchat.aws.EmfJobMetrics;
import com.ocrchat.aws.Queues;
import com.ocrchat.aws.SqsRetryBackoff;
import com.ocrchat.concurrent.Once;
import com.ocrchat.job.ChunkQueue;
import com.ocrchat.job.Idempotency;
import com.ocrchat.job.JobLifecycle;
import com.ocrchat.job.JobMetrics;
import com.ocrchat.job.JobQueries;
import com.ocrchat.job.Uploads;
import com.ocrchat.job.UserUrls;
import com.ocrchat.metering.Meter;
import com.ocrchat.metering.Plans;
import com.ocrchat.outbound.OutboundHttp;
import com.ocrchat.outbound.OutboundPolicy;
import com.ocrchat.outbound.OutboundUrls;
import com.ocrchat.outbound.OutboundWebhooks;
import com.ocrchat.settings.Env;
import com.ocrchat.settings.Limits;
import com.ocrchat.webhook.WebhookDelivery;
import com.ocrchat.webhook.WebhookSettings;
import com.ocrchat.webhook.Webhooks;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What a handler is built from: its settings and the process's stores, and the few services several
 * handlers share, each made when a handler asks for it. A handler's constructor names what it uses;
 * nothing else is built.
 */
public final class Wiring {
    private final Env env;
    private final AwsStores stores;
    private final Clock clock;
    private final Supplier<OutboundHttp> outbound;

    public Wiring(Env env, AwsStores stores, Clock clock) {
        this.env = env;
        this.stores = stores;
        this.clock = clock;
        this.outbound = Once.of(() -> new OutboundHttp(OutboundPolicy.from(env)));
    }

    /** How a handler built by Lambda (with its no-arg constructor) is wired: from the environment, with the process's stores. */
    public static Wiring fromEnvironment() {
        return new Wiring(Env.fromEnvironment(), AwsStores.shared(), Clock.systemUTC());
    }

    public Env env() {
        return env;
    }

    public AwsStores stores() {
        return stores;
    }

    /** The AWS settings of this wiring's environment (a model provider's endpoint among them). */
    public AwsSettings aws() {
        return AwsSettings.from(env);
    }

    public Clock clock() {
        return clock;
    }

    public Authenticator authenticator() {
        return new Authenticator(stores.accounts(), stores.sessions(), clock);
    }

    /** Sign-up, log in and out, and token rotation for the product's pages. */
    public AccountSessions accountSessions() {
        return new AccountSessions(
                stores.accounts(),
                stores.logins(),
                stores.sessions(),
                stores.ledger(),
                SignUpSettings.from(env),
                clock);
    }

    public Meter meter() {
        return new Meter(stores.ledger(), Plans.from(env), clock);
    }

    public JobQueries jobQueries() {
        return new JobQueries(stores.jobs(), stores.objects(), clock);
    }

    public JobLifecycle lifecycle() {
        return new JobLifecycle(stores.jobs(), stores.objects(), metrics(), webhooks(), clock);
    }

    /** The chunk queues of this wiring's settings. */
    public ChunkQueue chunkQueue() {
        return stores.chunkQueue(Queues.from(env));
    }

    /** What brings a chunk that failed back to its queue soon. */
    public SqsRetryBackoff chunkRetries() {
        return stores.chunkRetries(Queues.from(env));
    }

    /** CloudWatch metrics (the embedded metric format, in the function's log) on Lambda; none elsewhere. */
    public JobMetrics metrics() {
        return env.optional("AWS_LAMBDA_FUNCTION_NAME").isPresent() ? new EmfJobMetrics() : JobMetrics.NONE;
    }

    public Uploads uploads() {
        return new Uploads(
                stores.objects(),
                stores.ledger(),
                Limits.from(env).maxFileBytes(),
                Plans.from(env).anonymousDailyUploads(),
                idempotency(),
                clock);
    }

    /** Documents named by {@code url}: fetched within the file limit and {@code OCRCHAT_URL_FETCH_SECONDS}. */
    public UserUrls userUrls() {
        return new OutboundUrls(
                outbound(), Limits.from(env).maxFileBytes(), env.seconds("OCRCHAT_URL_FETCH_SECONDS", 15, 1, 25));
    }

    /** The one client for URLs that users name; loopback and http only where OCRCHAT_ALLOW_LOOPBACK_URLS says. */
    public OutboundHttp outbound() {
        return outbound.get();
    }

    /** A job's webhooks: queued when it ends, its delivery log, redelivery. */
    public Webhooks webhooks() {
        return new Webhooks(jobQueries(), stores.deliveries(), stores.webhookQueue(env), clock);
    }

    /** One attempt of a queued webhook, through the SSRF-safe client. */
    public WebhookDelivery webhookDelivery() {
        return new WebhookDelivery(
                stores.jobs(),
                stores.accounts(),
                stores.deliveries(),
                stores.webhookQueue(env),
                new OutboundWebhooks(outbound()),
                WebhookSettings.from(env),
                clock);
    }

    public Idempotency idempotency() {
        return new Idempotency(stores.idempotencyKeys(), clock);
    }
}
