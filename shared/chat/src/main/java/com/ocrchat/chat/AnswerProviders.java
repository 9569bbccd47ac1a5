package com.ocrchat.chat;

import com.ocrchat.aws.AwsSettings;
import com.ocrchat.model.ModelClients;
import com.ocrchat.model.ModelSettings;
import java.time.Duration;
import java.util.Optional;

/** Who answers chat questions: Bedrock or an OpenAI-compatible endpoint when configured, else the extractive answerer. */
public final class AnswerProviders {
    /** One attempt within 25 s: a chat answer has to fit in API Gateway's 30 s. */
    private static final Duration TIMEOUT = Duration.ofSeconds(25);

    private AnswerProviders() {}

    public static AnswerProvider of(ModelSettings models, AwsSettings aws) {
        if (ModelSettings.EXTRACTIVE.equals(models.chatProvider())) {
            return new ExtractiveAnswerer();
        }
        return new ModelAnswerer(ModelClients.create(models, aws, models.chatProvider(), Optional.empty(), TIMEOUT, 1)
                .orElseThrow());
    }
}
