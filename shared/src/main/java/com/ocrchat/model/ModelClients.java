package com.ocrchat.model;

import com.ocrchat.settings.Settings;
import com.ocrchat.store.AwsClients;
import java.time.Duration;
import java.util.Optional;

/**
 * The model client a setting names: {@code bedrock} (Converse; model OCRCHAT_BEDROCK_MODEL_ID),
 * {@code openai} (OCRCHAT_OPENAI_BASE_URL, _API_KEY, _MODEL) or {@code none}; one connection
 * configuration shared by chat, the vlm tier and translation, each choosing its provider.
 */
public final class ModelClients {
    private ModelClients() {
    }

    /**
     * The client for {@code provider}, or empty for {@code none}. {@code model} overrides the configured
     * model name; {@code attempts} calls at most, each within {@code timeout}.
     */
    public static Optional<ModelClient> create(Settings settings, String setting, String provider, Optional<String> model,
                                               Duration timeout, int attempts) {
        ModelClient client = switch (provider) {
            case "none" -> null;
            case "bedrock" -> new BedrockModelClient(AwsClients.bedrock(settings, timeout), model.or(() -> settings.bedrockModelId)
                    .orElseThrow(() -> new IllegalStateException(setting + "=bedrock needs OCRCHAT_BEDROCK_MODEL_ID")));
            case "openai" -> new OpenAiModelClient(settings.openAiBaseUrl
                    .orElseThrow(() -> new IllegalStateException(setting + "=openai needs OCRCHAT_OPENAI_BASE_URL")),
                    settings.openAiApiKey, model.orElse(settings.openAiModel), timeout);
            default -> throw new IllegalStateException(setting + " is bedrock, openai or none, not " + provider);
        };
        return Optional.ofNullable(client).map(found -> attempts > 1 ? new RetryingModelClient(found, attempts, settings.modelBackoff) : found);
    }
}
