package com.ocrchat.model;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/** Amazon Bedrock's Converse API through the AWS SDK v2 (the client's own retries are off: {@link RetryingModelClient} retries). */
public final class BedrockModelClient implements ModelClient {
    private final BedrockRuntimeClient bedrock;
    private final String modelId;

    public BedrockModelClient(BedrockRuntimeClient bedrock, String modelId) {
        this.bedrock = bedrock;
        this.modelId = modelId;
    }

    @Override
    public Reply complete(Prompt prompt) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < prompt.turns().size(); i++) {
            Turn turn = prompt.turns().get(i);
            List<ContentBlock> content = new ArrayList<>();
            if (i == prompt.turns().size() - 1 && prompt.image() != null) {
                content.add(ContentBlock.fromImage(ImageBlock.builder()
                        .format(ImageFormat.JPEG)
                        .source(ImageSource.fromBytes(SdkBytes.fromByteArray(prompt.image())))
                        .build()));
            }
            content.add(ContentBlock.fromText(turn.text()));
            messages.add(Message.builder()
                    .role(USER.equals(turn.role()) ? ConversationRole.USER : ConversationRole.ASSISTANT)
                    .content(content)
                    .build());
        }
        ConverseResponse response;
        try {
            response = bedrock.converse(r -> r.modelId(modelId)
                    .system(SystemContentBlock.fromText(prompt.system()))
                    .messages(messages)
                    .inferenceConfig(c -> c.maxTokens(prompt.maxTokens()).temperature(0f)));
        } catch (AwsServiceException e) {
            int status = e.statusCode();
            throw new ModelFailure(
                    "Bedrock answered HTTP " + status + " ("
                            + e.awsErrorDetails().errorCode() + ")",
                    status == 429 || status == 408 || status >= 500,
                    e);
        } catch (SdkClientException e) {
            throw new ModelFailure("Bedrock could not be reached: " + e.getMessage(), true, e);
        }
        StringBuilder text = new StringBuilder();
        response.output().message().content().forEach(block -> {
            if (block.text() != null) {
                text.append(block.text());
            }
        });
        return new Reply(text.toString(), response.stopReason() == StopReason.MAX_TOKENS);
    }
}
