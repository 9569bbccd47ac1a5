package com.ocrchat.chat;

import com.ocrchat.conversation.ChatMessage;
import com.ocrchat.conversation.Citation;
import java.util.List;

/**
 * Answers a question from what retrieval found in a job, citing its pages. {@code earlier} holds the
 * conversation's recent turns, oldest first, for follow-up questions. The citations returned are checked by the
 * caller; providers need not be trusted.
 */
public interface AnswerProvider {

    /** The answer's text and the citations it claims. */
    record Answer(String content, List<Citation> citations) {}

    /**
     * What retrieval found: the best sentences for the question (best first, BM25), the paragraphs they stand in,
     * and the whole document (for a summary).
     */
    record Retrieved(List<PassageIndex.Hit> hits, List<Passage> paragraphs, PassageIndex document) {}

    Answer answer(String question, List<ChatMessage> earlier, Retrieved retrieved);
}
