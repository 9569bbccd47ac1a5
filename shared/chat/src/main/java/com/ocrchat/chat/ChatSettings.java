package com.ocrchat.chat;

import com.ocrchat.settings.Env;

/** Chat's bounds: the longest question, and messages per account per UTC day. */
public record ChatSettings(int maxMessageChars, int messagesPerDay) {

    public static ChatSettings from(Env env) {
        return new ChatSettings(
                env.integer("OCRCHAT_CHAT_MAX_MESSAGE_CHARS", 4000, 1),
                env.integer("OCRCHAT_CHAT_MESSAGES_PER_DAY", 200, 0));
    }
}
