package com.ocrchat.translate;

import com.ocrchat.language.TargetLanguage;
import com.ocrchat.model.ModelClient;

/** Translates a page's Markdown with a language model, keeping its structure. */
public final class Translator {
    private static final String SYSTEM =
            "You translate documents. Translate the Markdown the user sends into %s. Keep its "
                    + "structure exactly: the same headings, paragraphs, lists, tables (the same rows and columns), LaTeX, numbers, "
                    + "codes and proper names; translate only the words. Output only the translated Markdown, with no commentary "
                    + "and no code fence around it.";

    /** The translated Markdown; {@code truncated} when the model stopped at its length bound. */
    public record Translated(String markdown, boolean truncated) {}

    private final ModelClient model;
    private final int maxTokens;

    public Translator(ModelClient model, int maxTokens) {
        this.model = model;
        this.maxTokens = maxTokens;
    }

    public Translated translate(String markdown, TargetLanguage target) {
        if (markdown.isBlank()) {
            return new Translated("", false);
        }
        ModelClient.Reply reply = model.complete(ModelClient.Prompt.of(
                String.format(SYSTEM, target.name() + " (" + target.code() + ")"), markdown, maxTokens));
        return new Translated(reply.text().strip(), reply.truncated());
    }
}
