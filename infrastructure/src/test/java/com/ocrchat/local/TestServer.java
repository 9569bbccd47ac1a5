package com.ocrchat.local;

import com.ocrchat.aws.AwsStores;
import com.ocrchat.job.ChunkQueue;
import com.ocrchat.job.JobPages;
import com.ocrchat.job.Submissions;
import com.ocrchat.metering.Plans;
import com.ocrchat.settings.Env;
import com.ocrchat.settings.JobFlow;
import com.ocrchat.settings.Retention;
import com.ocrchat.tools.ToolCatalog;
import com.ocrchat.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The local server the integration and end-to-end tests share: one per test JVM (the handlers read
 * their settings from the JVM, as Lambda functions read theirs from their container), in memory, on
 * a free port, started on first use and stopped when the JVM ends.
 */
public final class TestServer {
    private static LocalServer server;

    private TestServer() {}

    public static synchronized LocalServer get() {
        if (server == null) {
            try {
                // Webhook retries after 1, 2 and 3 seconds instead of Standard Webhooks' hours.
                System.setProperty("OCRCHAT_WEBHOOK_RETRY_SECONDS", "1,2,3");
                // Two pollers per queue; a short visibility timeout, so that redelivered chunks come back within
                // seconds.
                server = LocalServer.start(new LocalServer.Options(
                        "127.0.0.1", 0, null, repositoryRoot().resolve("template.yaml"), 2, 2));
                // Every test signs up from 127.0.0.1: the per-address limits are tested with their own settings
                // (SessionsTest), not spent by the suite. (Set after the start, which applies the template's
                // defaults, and before the first request builds a handler.)
                System.setProperty("OCRCHAT_SIGN_UPS_PER_IP_PER_DAY", "100000");
                System.setProperty("OCRCHAT_LOGIN_FAILURES_PER_IP_PER_DAY", "100000");
            } catch (Exception e) {
                throw new IllegalStateException("The local server did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** The stores the server's handlers use. */
    public static AwsStores stores() {
        return get().stores();
    }

    /** Handlers wired as the server's are. */
    public static Wiring wiring() {
        return wiringWith(Map.of());
    }

    /** Handlers wired as the server's are, with some settings changed. */
    public static Wiring wiringWith(Map<String, String> overrides) {
        return new Wiring(envWith(overrides), stores(), Clock.systemUTC());
    }

    /** The server's settings (as its handlers read them), with some changed. */
    public static Env envWith(Map<String, String> overrides) {
        get();
        Map<String, String> values = new HashMap<>();
        System.getProperties().forEach((name, value) -> {
            if (name.toString().startsWith("OCRCHAT_")) {
                values.put(name.toString(), value.toString());
            }
        });
        values.putAll(overrides);
        return Env.of(values);
    }

    /** Submissions as the submit function makes them (no vision model, no translator), reading with {@code pages}, queueing to {@code queue}. */
    public static Submissions submissions(JobPages pages, ChunkQueue queue) {
        Wiring wiring = wiring();
        Env env = wiring.env();
        return new Submissions(
                wiring.lifecycle(),
                pages,
                wiring.meter(),
                wiring.stores().objects(),
                queue,
                wiring.uploads(),
                wiring.userUrls(),
                new Submissions.Rules(
                        new ToolCatalog(false, false),
                        true,
                        Plans.from(env),
                        JobFlow.from(env),
                        Retention.from(env).jobs()),
                Clock.systemUTC());
    }

    /** Tests run in the module folder; the repository root is its parent. */
    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return here.resolve("template.yaml").toFile().exists() ? here : here.getParent();
    }

    /** ../shared beside the checkout, as CI has it (may be absent). */
    public static Path sharedFolder() {
        return repositoryRoot().resolve("../shared").normalize();
    }
}
