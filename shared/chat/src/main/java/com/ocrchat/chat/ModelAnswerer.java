package com.ocrchat.chat;

import com.ocrchat.conversation.ChatMessage;
import com.ocrchat.model.ModelClient;
import java.util.ArrayList;
import java.util.List;

/** Answers through a language model (Bedrock or an OpenAI-compatible endpoint) that sees only the retrieved passages. */
public final class ModelAnswerer implements AnswerProvider {
    private final ModelClient model;

    public ModelAnswerer(ModelClient model) {
        this.model = model;
    }

    @Override
    public Answer answer(String question, List<ChatMessage> earlier, List<Passage> passages) {
        List<ModelClient.Turn> turns = new ArrayList<>();
        for (ChatMessage turn : earlier) {
            turns.add(new ModelClient.Turn(
                    ChatMessage.USER.equals(turn.role()) ? ModelClient.USER : ModelClient.ASSISTANT, turn.content()));
        }
        turns.add(new ModelClient.Turn(ModelClient.USER, GroundedPrompt.question(question, passages)));
        return GroundedPrompt.parse(model.complete(new ModelClient.Prompt(GroundedPrompt.SYSTEM, turns, null, 1000))
                .text());
    }
}
