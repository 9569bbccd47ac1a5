package com.ocrchat.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ocrchat.conversation.Citation;
import com.ocrchat.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * What model providers are told: answer only from the passages, each labelled with its page, and reply
 * as JSON with the pages and exact snippets cited. Replies that are not such JSON keep their text and
 * cite nothing.
 */
final class GroundedPrompt {
    static final String SYSTEM = """
            You answer questions about one document, using only the passages given to you, each labelled with \
            its page as [p. N]. Never use outside knowledge. If the passages do not contain the answer, say that \
            the document does not contain it and cite nothing. Reply with JSON only, in this form: \
            {"answer": "<your answer, mentioning pages as (p. N)>", "citations": [{"page": N, "snippet": "<exact words copied from that page>"}]}""";

    private GroundedPrompt() {}

    /** The user turn: the passages, labelled with their pages, then the question. */
    static String question(String question, List<Passage> passages) {
        StringBuilder text = new StringBuilder("Passages from the document:\n");
        for (Passage passage : passages) {
            text.append("[p. ")
                    .append(passage.page())
                    .append("] ")
                    .append(passage.text().replace('\n', ' '))
                    .append("\n");
        }
        return text.append("\nQuestion: ").append(question).toString();
    }

    static AnswerProvider.Answer parse(String reply) {
        int start = reply.indexOf('{');
        int end = reply.lastIndexOf('}');
        if (start >= 0 && end > start) {
            try {
                JsonNode json = Json.MAPPER.readTree(reply.substring(start, end + 1));
                if (json.hasNonNull("answer")) {
                    List<Citation> citations = new ArrayList<>();
                    for (JsonNode citation : json.path("citations")) {
                        citations.add(new Citation(
                                citation.path("page").asInt(0),
                                citation.path("snippet").asText("")));
                    }
                    return new AnswerProvider.Answer(json.get("answer").asText(), citations);
                }
            } catch (java.io.IOException notJson) {
                // Fall through: keep the text, cite nothing.
            }
        }
        return new AnswerProvider.Answer(reply.strip(), List.of());
    }
}
