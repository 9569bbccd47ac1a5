package com.ocrchat.model;

import com.ocrchat.aws.AwsClients;
import com.ocrchat.aws.AwsSettings;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** A secret's value from AWS Secrets Manager, read once when a client that needs it is built. */
final class Secrets {
    private Secrets() {}

    /** The SecretString of {@code secretId} (its ARN or name). */
    static String read(AwsSettings aws, String secretId) {
        var builder = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(10))
                        .build())
                .region(Region.of(aws.region()))
                .credentialsProvider(AwsClients.credentials(aws, aws.secretsManagerEndpoint()));
        aws.secretsManagerEndpoint().map(URI::create).ifPresent(builder::endpointOverride);
        try (SecretsManagerClient client = builder.build()) {
            return client.getSecretValue(r -> r.secretId(secretId))
                    .secretString()
                    .strip();
        }
    }
}
