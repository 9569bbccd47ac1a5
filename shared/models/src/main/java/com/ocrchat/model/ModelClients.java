package com.ocrchat.model;

import com.ocrchat.aws.AwsClients;
import com.ocrchat.aws.AwsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/** The model client a provider setting names: {@code bedrock}, {@code openai}, or none. */
public final class ModelClients {
    private ModelClients() {}

    /**
     * The client for {@code provider}, or empty for {@code none}. {@code model} overrides the configured
     * model name; {@code attempts} calls at most, each within {@code timeout}.
     */
    public static Optional<ModelClient> create(
            ModelSettings settings,
            AwsSettings aws,
            String provider,
            Optional<String> model,
            Duration timeout,
            int attempts) {
        ModelClient client = switch (provider) {
            case ModelSettings.BEDROCK ->
                new BedrockModelClient(
                        bedrock(aws, timeout),
                        model.or(settings::bedrockModelId).orElseThrow());
            case ModelSettings.OPENAI ->
                new OpenAiModelClient(
                        settings.openAiBaseUrl().orElseThrow(),
                        settings.openAiApiKey()
                                .or(() -> settings.openAiApiKeySecret().map(secret -> Secrets.read(aws, secret))),
                        model.orElse(settings.openAiModel()),
                        timeout);
            default -> null;
        };
        return Optional.ofNullable(client)
                .map(found -> attempts > 1 ? new RetryingModelClient(found, attempts, settings.backoff()) : found);
    }

    /**
     * Bedrock's endpoint can be overridden too (tests point it at a local server speaking its wire format).
     * The SDK's own retries are off: {@code RetryingModelClient} retries, the same way for every provider.
     */
    private static BedrockRuntimeClient bedrock(AwsSettings aws, Duration timeout) {
        var builder = BedrockRuntimeClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .socketTimeout(timeout)
                        .connectionTimeout(Duration.ofSeconds(10))
                        .build())
                .overrideConfiguration(
                        c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout))
                .region(Region.of(aws.region()))
                .credentialsProvider(AwsClients.credentials(aws, aws.bedrockEndpoint()));
        aws.bedrockEndpoint().map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
