package com.ocrchat.chat;

import com.ocrchat.auth.Caller;
import com.ocrchat.conversation.ChatMessage;
import com.ocrchat.conversation.ConversationStore;
import com.ocrchat.error.NotFound;
import com.ocrchat.job.JobQueries;
import com.ocrchat.job.JobRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The caller's conversations about a job, each with its messages in order: read without any answer provider. */
public final class ChatHistory {

    /** A conversation with its messages in order. */
    public record Conversation(String conversation, List<ChatMessage> messages) {}

    private final JobQueries jobs;
    private final ConversationStore conversations;

    public ChatHistory(JobQueries jobs, ConversationStore conversations) {
        this.jobs = jobs;
        this.conversations = conversations;
    }

    public List<Conversation> of(Caller caller, String uuid, Optional<String> conversation) {
        JobRecord job = jobs.find(caller, uuid);
        Map<String, List<ChatMessage>> found = conversations.conversations(job.uuid(), caller.owner(), conversation);
        if (conversation.isPresent() && found.isEmpty()) {
            throw new NotFound("No conversation '" + conversation.get() + "' about this job");
        }
        List<Conversation> history = new ArrayList<>();
        found.forEach((id, messages) -> history.add(new Conversation(id, messages)));
        return history;
    }
}
