package com.ocrchat.chat;

import com.ocrchat.conversation.ChatMessage;
import com.ocrchat.conversation.Citation;
import java.util.List;

/**
 * Answers a question from a job's retrieved passages only, citing their pages. {@code earlier} holds
 * the conversation's recent turns, oldest first, for follow-up questions. The citations returned are
 * checked by the caller; providers need not be trusted.
 */
public interface AnswerProvider {

    /** The answer's text and the citations it claims. */
    record Answer(String content, List<Citation> citations) {}

    Answer answer(String question, List<ChatMessage> earlier, List<Passage> passages);
}
