package com.ocrchat.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients, built from settings: with an endpoint override they talk to the local stack
 * (static local credentials, path-style S3); without, to AWS with the default credential chain.
 */
public final class AwsClients {
    private AwsClients() {}

    public static S3Client s3(AwsSettings settings) {
        boolean local = settings.s3Endpoint().isPresent();
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings, settings.s3Endpoint()))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(local)
                        // Uploads over 1 MB wait for "100 Continue" first, which spares a body S3 would refuse or
                        // redirect. A local server does neither, and the JDK's HttpURLConnection has faults in that
                        // handshake fixed only in later updates (JDK-8314978, in 17.0.17): one local upload failed
                        // "Error writing request body to server" on every retry.
                        .expectContinueEnabled(!local)
                        .build());
        settings.s3Endpoint().map(URI::create).ifPresent(builder::endpointOverride);
        if (local) {
            // The JDK keeps up to five idle connections to a host. One the local server has closed fails the next
            // request's body ("Error writing request body to server") and is dropped: a CI run's download failed
            // on all four default attempts after a burst of jobs. Eight attempts always reach a fresh connection.
            builder.overrideConfiguration(config -> config.retryStrategy(retries -> retries.maxAttempts(8)));
        }
        return builder.build();
    }

    public static S3Presigner s3Presigner(AwsSettings settings) {
        var builder = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings, settings.s3Endpoint()))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.s3Endpoint().isPresent())
                        .build());
        settings.s3Endpoint().map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static DynamoDbClient dynamo(AwsSettings settings) {
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings, settings.dynamoDbEndpoint()))
                // A plain write to an item a transaction holds at that moment (a job failing with its refund) is
                // refused with this, untouched: the SDK retries throttling and TransactionInProgress, but not it.
                .overrideConfiguration(config ->
                        config.retryStrategy(retries -> retries.retryOnException(TransactionConflictException.class)));
        settings.dynamoDbEndpoint().map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SqsClient sqs(AwsSettings settings) {
        var builder = SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings, settings.sqsEndpoint()));
        settings.sqsEndpoint().map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Static local keys with an endpoint override (the local stack), else the default chain (AWS). */
    public static AwsCredentialsProvider credentials(AwsSettings settings, Optional<String> endpoint) {
        if (endpoint.isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.localAccessKey(), settings.localSecretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
