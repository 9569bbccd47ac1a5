package com.ocrchat.chat;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/** Answers through Amazon Bedrock's Converse API (the model id is a setting). */
public final class BedrockAnswerer implements AnswerProvider {
    private final BedrockRuntimeClient bedrock;
    private final String modelId;

    public BedrockAnswerer(BedrockRuntimeClient bedrock, String modelId) {
        this.bedrock = bedrock;
        this.modelId = modelId;
    }

    @Override
    public Answer answer(String question, List<ChatMessage> earlier, List<Passage> passages) {
        List<Message> messages = new ArrayList<>();
        for (ChatMessage turn : earlier) {
            messages.add(Message.builder().role(ChatMessage.USER.equals(turn.role()) ? ConversationRole.USER : ConversationRole.ASSISTANT)
                    .content(ContentBlock.fromText(turn.content())).build());
        }
        messages.add(Message.builder().role(ConversationRole.USER)
                .content(ContentBlock.fromText(GroundedPrompt.question(question, passages))).build());
        ConverseResponse response = bedrock.converse(r -> r.modelId(modelId)
                .system(SystemContentBlock.fromText(GroundedPrompt.SYSTEM))
                .messages(messages)
                .inferenceConfig(c -> c.maxTokens(1000).temperature(0f)));
        StringBuilder text = new StringBuilder();
        response.output().message().content().forEach(block -> {
            if (block.text() != null) {
                text.append(block.text());
            }
        });
        return GroundedPrompt.parse(text.toString());
    }
}
