package com.ocrchat.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * The AWS services the functions use, embedded in this JVM on loopback ports: DynamoDB Local (AWS's
 * own), s3proxy for S3 (it checks signatures, presigned URLs included) and ElasticMQ for SQS. With a
 * data folder, tables and objects survive restarts; without one everything lives in memory.
 */
public final class LocalAws implements AutoCloseable {
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local-secret";

    private final DynamoDBProxyServer dynamo;
    private final int dynamoPort;
    private final S3Proxy s3;
    private final SQSRestServer sqs;
    private final int sqsPort;

    private LocalAws(DynamoDBProxyServer dynamo, int dynamoPort, S3Proxy s3, SQSRestServer sqs, int sqsPort) {
        this.dynamo = dynamo;
        this.dynamoPort = dynamoPort;
        this.s3 = s3;
        this.sqs = sqs;
        this.sqsPort = sqsPort;
    }

    /** Starts all three; {@code dataDir} null means in memory. */
    public static LocalAws start(Path dataDir) throws Exception {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            int dynamoPort = freePort();
            List<String> args = new ArrayList<>(List.of("-port", Integer.toString(dynamoPort), "-disableTelemetry"));
            if (dataDir == null) {
                args.add("-inMemory");
            } else {
                Path tables = Files.createDirectories(dataDir.resolve("dynamodb"));
                args.addAll(List.of("-dbPath", tables.toString(), "-sharedDb"));
            }
            DynamoDBProxyServer dynamo = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            onLoopbackOnly(dynamo);
            dynamo.start();
            started.add(dynamo::stop);

            BlobStore blobs = dataDir == null
                    ? new TransientNio2BlobStore()
                    : new FilesystemNio2BlobStore(
                            Files.createDirectories(dataDir.resolve("s3")).toString());
            S3Proxy s3 = S3Proxy.builder()
                    .blobStore(blobs)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    // The product's pages PUT large files to presigned URLs from the browser, as the bucket's
                    // CORS rule allows on AWS.
                    .corsRules(new CrossOriginResourceSharing(
                            List.of("*"), List.of("GET", "PUT", "HEAD"), List.of("*"), List.of("ETag"), "false"))
                    .build();
            s3.start();
            started.add(s3::stop);
            while (!"STARTED".equals(s3.getState())) {
                Thread.sleep(20);
            }

            SQSRestServer sqs = SQSRestServerBuilder.withInterface("127.0.0.1")
                    .withDynamicPort()
                    .start();
            started.add(sqs::stopAndWait);
            int sqsPort = sqs.waitUntilStarted().localAddress().getPort();
            return new LocalAws(dynamo, dynamoPort, s3, sqs, sqsPort);
        } catch (Exception | Error e) {
            for (AutoCloseable service : started) {
                try {
                    service.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    public String dynamoDbEndpoint() {
        return "http://127.0.0.1:" + dynamoPort;
    }

    public String s3Endpoint() {
        return "http://127.0.0.1:" + s3.getPort();
    }

    public String sqsEndpoint() {
        return "http://127.0.0.1:" + sqsPort;
    }

    /** The settings that point the service's AWS SDK clients at these servers. */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("OCRCHAT_DYNAMODB_ENDPOINT", dynamoDbEndpoint());
        settings.put("OCRCHAT_S3_ENDPOINT", s3Endpoint());
        settings.put("OCRCHAT_SQS_ENDPOINT", sqsEndpoint());
        settings.put("OCRCHAT_LOCAL_ACCESS_KEY", ACCESS_KEY);
        settings.put("OCRCHAT_LOCAL_SECRET_KEY", SECRET_KEY);
        settings.put("OCRCHAT_REGION", "us-east-1");
        return settings;
    }

    @Override
    public void close() {
        try {
            sqs.stopAndWait();
        } catch (RuntimeException ignored) {
            // Stopping is best effort; the JVM may be on its way out.
        }
        try {
            s3.stop();
        } catch (Exception ignored) {
            // As above.
        }
        try {
            dynamo.stop();
        } catch (Exception ignored) {
            // As above.
        }
    }

    /**
     * DynamoDB Local's Jetty listens on every interface and takes no host: its one connector is told to
     * listen on loopback before it starts, so nobody else on the network can write an account item.
     */
    private static void onLoopbackOnly(DynamoDBProxyServer dynamo) throws ReflectiveOperationException {
        java.lang.reflect.Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        for (org.eclipse.jetty.server.Connector connector :
                ((org.eclipse.jetty.server.Server) field.get(dynamo)).getConnectors()) {
            ((org.eclipse.jetty.server.ServerConnector) connector).setHost("127.0.0.1");
        }
    }

    /** DynamoDB Local refuses port 0, so ask the OS for a free port first. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
