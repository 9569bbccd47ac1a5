package com.ocrchat.model;

import com.ocrchat.settings.Env;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The model providers and who uses which: one Bedrock model id and one OpenAI-compatible endpoint
 * (base URL, model, and the key: given as such locally, by the ARN of its Secrets Manager secret on AWS,
 * so that it never sits in the function's environment), shared by chat, the vlm tier and translation, each choosing its provider
 * ({@code bedrock}, {@code openai}, or {@code none}/{@code extractive}); per call a timeout, at most
 * {@code maxAttempts} calls, and the first backoff between them.
 */
public record ModelSettings(
        Optional<String> bedrockModelId,
        Optional<String> openAiBaseUrl,
        Optional<String> openAiApiKey,
        Optional<String> openAiApiKeySecret,
        String openAiModel,
        Duration timeout,
        int maxAttempts,
        Duration backoff,
        String chatProvider,
        String vlmProvider,
        Optional<String> vlmModel,
        String translateProvider) {
    public static final String NONE = "none";
    public static final String BEDROCK = "bedrock";
    public static final String OPENAI = "openai";
    public static final String EXTRACTIVE = "extractive";

    public static ModelSettings from(Env env) {
        Optional<String> bedrock = env.optional("OCRCHAT_BEDROCK_MODEL_ID");
        Optional<String> openAi = env.optional("OCRCHAT_OPENAI_BASE_URL");
        // Without a choice, a configured provider is used; with none configured, the extractive answerer and no
        // translation.
        String configured = bedrock.isPresent() ? BEDROCK : openAi.isPresent() ? OPENAI : null;
        ModelSettings settings = new ModelSettings(
                bedrock,
                openAi,
                env.optional("OCRCHAT_OPENAI_API_KEY"),
                env.optional("OCRCHAT_OPENAI_API_KEY_SECRET"),
                env.text("OCRCHAT_OPENAI_MODEL", "gpt-4o-mini"),
                env.seconds("OCRCHAT_MODEL_TIMEOUT_SECONDS", 90, 1, 900),
                env.integer("OCRCHAT_MODEL_MAX_ATTEMPTS", 4, 1),
                Duration.ofMillis(env.number("OCRCHAT_MODEL_BACKOFF_MS", 1000, 0, 60_000)),
                env.choice(
                        "OCRCHAT_CHAT_PROVIDER",
                        configured == null ? EXTRACTIVE : configured,
                        Set.of(EXTRACTIVE, BEDROCK, OPENAI)),
                // tier=vlm needs a model that reads images, so it is never chosen implicitly.
                env.choice("OCRCHAT_VLM_PROVIDER", NONE, Set.of(NONE, BEDROCK, OPENAI)),
                env.optional("OCRCHAT_VLM_MODEL"),
                env.choice(
                        "OCRCHAT_TRANSLATE_PROVIDER",
                        configured == null ? NONE : configured,
                        Set.of(NONE, BEDROCK, OPENAI)));
        settings.requireConnection("OCRCHAT_CHAT_PROVIDER", settings.chatProvider);
        settings.requireConnection("OCRCHAT_VLM_PROVIDER", settings.vlmProvider);
        settings.requireConnection("OCRCHAT_TRANSLATE_PROVIDER", settings.translateProvider);
        return settings;
    }

    public boolean vlmConfigured() {
        return !NONE.equals(vlmProvider);
    }

    public boolean translationConfigured() {
        return !NONE.equals(translateProvider);
    }

    private void requireConnection(String setting, String provider) {
        if (BEDROCK.equals(provider) && bedrockModelId.isEmpty()) {
            throw new IllegalStateException(setting + "=bedrock needs OCRCHAT_BEDROCK_MODEL_ID");
        }
        if (OPENAI.equals(provider) && openAiBaseUrl.isEmpty()) {
            throw new IllegalStateException(setting + "=openai needs OCRCHAT_OPENAI_BASE_URL");
        }
    }
}
