package com.ocrchat.local;

import com.ocrchat.aws.AwsClients;
import com.ocrchat.aws.AwsSettings;
import com.ocrchat.aws.AwsStores;
import com.ocrchat.json.Json;
import com.ocrchat.settings.Env;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole service on one machine: the embedded AWS stack, the template's resources on it, the
 * handlers behind the API Gateway emulator, and a development account whose token is printed.
 */
public final class LocalServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);
    /** Local only (not in template.yaml): where this server's embedded services listen, for ./ocrchat account --server. */
    static final String LOCAL_AWS_PATH = "/_local/aws";

    /**
     * How to start: {@code dataDir} null is in memory; {@code port} 0 picks a free port; {@code workers} pollers
     * per queue; {@code visibilityTimeout} (seconds) replaces the template's queue visibility
     * timeouts when set (tests use a short one so redeliveries come quickly); {@code signUpOpen} whether the pages
     * let anyone make a free account (open by default here; closed on AWS until the operator opens it).
     */
    public record Options(
            String host,
            int port,
            Path dataDir,
            Path template,
            int workers,
            Integer visibilityTimeout,
            boolean signUpOpen) {
        public Options(String host, int port, Path dataDir, Path template, int workers, Integer visibilityTimeout) {
            this(host, port, dataDir, template, workers, visibilityTimeout, true);
        }
    }

    private final LocalAws aws;
    private final ApiGatewayEmulator emulator;
    private final QueuePollers pollers;
    private final Schedules schedules;
    private final SqsClient pollerSqs;
    private final String devToken;
    private final Path dataDir;

    private LocalServer(
            LocalAws aws,
            ApiGatewayEmulator emulator,
            QueuePollers pollers,
            Schedules schedules,
            SqsClient pollerSqs,
            String devToken,
            Path dataDir) {
        this.aws = aws;
        this.emulator = emulator;
        this.pollers = pollers;
        this.schedules = schedules;
        this.pollerSqs = pollerSqs;
        this.devToken = devToken;
        this.dataDir = dataDir;
    }

    private static final String ALLOW_LOOPBACK_URLS = "OCRCHAT_ALLOW_LOOPBACK_URLS";

    public static LocalServer start(Options options) throws Exception {
        SamTemplate template = SamTemplate.read(options.template());
        LocalAws aws = LocalAws.start(options.dataDir());
        try {
            // The handlers read their settings as Lambda functions do; in one JVM, system properties carry them.
            aws.settings().forEach(System::setProperty);
            Map<String, String> physical;
            AwsSettings endpoints = AwsSettings.from(Env.fromEnvironment());
            try (DynamoDbClient dynamo = AwsClients.dynamo(endpoints);
                    S3Client s3 = AwsClients.s3(endpoints);
                    SqsClient sqs = AwsClients.sqs(endpoints)) {
                physical = LocalResources.create(template, dynamo, s3, sqs, options.visibilityTimeout());
            }
            // The user's environment wins for plain settings; resource names are always the local ones.
            LocalResources.environment(template, physical).forEach((name, value) -> {
                if (System.getenv(name) == null || value.resource()) {
                    System.setProperty(name, value.value());
                }
            });
            // Development: a url or callback_url may be http:// on this machine (a file server, a webhook receiver).
            if (System.getenv(ALLOW_LOOPBACK_URLS) == null) {
                System.setProperty(ALLOW_LOOPBACK_URLS, "true");
            }
            // The pages: sign-up as the option says; the session cookie without Secure, as this server is plain http.
            System.setProperty("OCRCHAT_SIGN_UP", options.signUpOpen() ? "open" : "closed");
            if (System.getenv("OCRCHAT_SECURE_COOKIES") == null) {
                System.setProperty("OCRCHAT_SECURE_COOKIES", "false");
            }
            AwsStores.reset();
            String token = DevAccount.token(AwsStores.shared().accounts(), options.dataDir());
            LambdaHandlers handlers = new LambdaHandlers();
            ApiGatewayEmulator emulator = ApiGatewayEmulator.start(template, options.host(), options.port(), handlers);
            emulator.serveLocal(LOCAL_AWS_PATH, Json.write(Map.of("dynamodb_endpoint", aws.dynamoDbEndpoint())));
            // The links in webhooks point at this server (on AWS the template names the API's address).
            if (System.getenv("OCRCHAT_PUBLIC_URL") == null) {
                System.setProperty("OCRCHAT_PUBLIC_URL", "http://127.0.0.1:" + emulator.port());
            }
            SqsClient pollerSqs = AwsClients.sqs(AwsSettings.from(Env.fromEnvironment()));
            QueuePollers pollers =
                    QueuePollers.start(template.queueEvents(), physical, pollerSqs, handlers, options.workers());
            Schedules schedules = Schedules.start(template.schedules(), handlers);
            LocalServer server =
                    new LocalServer(aws, emulator, pollers, schedules, pollerSqs, token, options.dataDir());
            server.writeServerFile();
            return server;
        } catch (Exception | Error e) {
            aws.close();
            throw e;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + emulator.port();
    }

    public String devToken() {
        return devToken;
    }

    /** The stores as the handlers of this server see them. */
    public AwsStores stores() {
        return AwsStores.shared();
    }

    public LocalAws aws() {
        return aws;
    }

    /** Lets ./ocrchat account find the running stack instead of opening the data folder twice. */
    private void writeServerFile() throws IOException {
        if (dataDir != null) {
            Files.writeString(
                    serverFile(dataDir),
                    Json.write(Map.of(
                            "url",
                            url(),
                            "dynamodb_endpoint",
                            aws.dynamoDbEndpoint(),
                            "pid",
                            ProcessHandle.current().pid())),
                    StandardCharsets.UTF_8);
            // For SAM's own local testing (sam local invoke/start-api --docker-network host --env-vars ...):
            // the functions' environment as this server gives it to its handlers.
            Map<String, String> environment = new java.util.TreeMap<>();
            System.getProperties().forEach((name, value) -> {
                if (name.toString().startsWith("OCRCHAT_")) {
                    environment.put(name.toString(), value.toString());
                }
            });
            Files.writeString(
                    dataDir.resolve("sam-local-env.json"),
                    Json.write(Map.of("Parameters", environment)),
                    StandardCharsets.UTF_8);
        }
    }

    static Path serverFile(Path dataDir) {
        return dataDir.resolve("server.json");
    }

    @Override
    public void close() {
        pollers.close();
        schedules.close();
        emulator.close();
        pollerSqs.close();
        aws.close();
        if (dataDir != null) {
            try {
                Files.deleteIfExists(serverFile(dataDir));
            } catch (IOException ignored) {
                // A stale file is detected by the account command (its endpoint no longer answers).
            }
        }
    }

    public static void main(String[] args) throws Exception {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(
                    "usage: ocrchat serve [--port N] [--host ADDRESS] [--data DIR | --in-memory] [--workers N]"
                            + " [--sign-up open|closed]");
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        LocalServer server = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "ocrchat-shutdown"));
        System.out.printf(
                "%nocrchat is running at %s   (started in %.1f s)%n",
                server.url().replace("127.0.0.1", options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host()),
                (System.nanoTime() - started) / 1e9);
        System.out.printf("The pages (sign up, account, upload, chat): %s/%n", server.url());
        System.out.printf("API token of the development account: %s%n", server.devToken());
        server.stores()
                .accounts()
                .findByToken(server.devToken())
                .ifPresent(account -> System.out.printf(
                        "  (paid account %s; more credits: ./ocrchat account add-credits %s 1000)%n",
                        account.id(), account.id()));
        System.out.printf(
                "Data: %s%n",
                options.dataDir() == null
                        ? "in memory (gone when the server stops)"
                        : options.dataDir().toAbsolutePath());
        System.out.printf(
                "Try:  curl -X POST %s/api/v1/ocr/ -H \"Authorization: Bearer %s\" -F \"file=@invoice.png\"%n%n",
                server.url(), server.devToken());
        LOG.info(
                "Routes from template.yaml: {}",
                server.emulator.routes().stream()
                        .map(r -> r.method() + " " + r.path())
                        .toList());
        stopped.await();
        // DynamoDB Local leaves a non-daemon thread behind after stop().
        System.exit(0);
    }

    static Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = 3000;
        Path data = Path.of("data");
        Path template = Path.of("template.yaml");
        int workers = Runtime.getRuntime().availableProcessors();
        Integer visibility = null;
        boolean signUpOpen = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--host" -> host = value(args, ++i, "--host");
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--in-memory" -> data = null;
                case "--template" -> template = Path.of(value(args, ++i, "--template"));
                case "--workers" -> workers = Integer.parseInt(value(args, ++i, "--workers"));
                case "--visibility-timeout" -> visibility = Integer.parseInt(value(args, ++i, "--visibility-timeout"));
                case "--sign-up" ->
                    signUpOpen = switch (value(args, ++i, "--sign-up")) {
                        case "open" -> true;
                        case "closed" -> false;
                        default -> throw new IllegalArgumentException("--sign-up takes open or closed");
                    };
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        return new Options(host, port, data, template, workers, visibility, signUpOpen);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
