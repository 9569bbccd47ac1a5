package com.ocrchat.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.ocrchat.error.InvalidInput;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tools as GET /api/v1/tools/ lists them, with what this server can do for each: the vision
 * tools fall back to cpu without a vision model, and translation needs a provider.
 */
public final class ToolCatalog {

    /**
     * One tool as listed: slug, other names it answers to, description, tier (null: the request's), extra
     * form fields, availability here.
     */
    @JsonPropertyOrder({"slug", "aliases", "description", "tier", "parameters", "available", "note"})
    public record Listed(
            String slug,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> aliases,
            String description,
            Tier tier,
            List<Parameter> parameters,
            boolean available,
            String note) {}

    /** An extra form field of a tool. */
    @JsonPropertyOrder({"name", "required", "description"})
    public record Parameter(String name, boolean required, String description) {}

    private final boolean vlmConfigured;
    private final boolean translationConfigured;

    public ToolCatalog(boolean vlmConfigured, boolean translationConfigured) {
        this.vlmConfigured = vlmConfigured;
        this.translationConfigured = translationConfigured;
    }

    public List<Listed> list() {
        return Arrays.stream(Tool.values()).map(this::listed).toList();
    }

    /** The tool a request names; an unknown slug is invalid input listing the known ones. */
    public Tool require(String slug) {
        String wanted = slug.strip().toLowerCase(Locale.ROOT);
        return Tool.bySlug(wanted)
                .orElseThrow(() -> new InvalidInput(
                        "Unknown tool '" + slug + "'. Known tools: " + String.join(", ", slugs()),
                        Map.of("tools", slugs())));
    }

    public boolean vlmConfigured() {
        return vlmConfigured;
    }

    public boolean translationConfigured() {
        return translationConfigured;
    }

    private static List<String> slugs() {
        return Arrays.stream(Tool.values()).map(Tool::slug).toList();
    }

    private Listed listed(Tool tool) {
        String vlmNote = vlmConfigured
                ? null
                : "No vision model provider is configured on this server: runs on the cpu tier (charged as cpu) with a warning";
        return switch (tool) {
            case HANDWRITING_TO_TEXT, MATH_TO_LATEX ->
                new Listed(tool.slug(), tool.aliases(), tool.description(), tool.tier(), List.of(), true, vlmNote);
            case TRANSLATE ->
                new Listed(
                        tool.slug(),
                        tool.aliases(),
                        tool.description(),
                        tool.tier(),
                        List.of(new Parameter(
                                "translate_to",
                                true,
                                "Target language code: ISO 639-1 (de, ja), ISO 639-2/3 (deu) or a tag (pt-BR)")),
                        translationConfigured,
                        translationConfigured
                                ? null
                                : "No translation provider is configured on this server (OCRCHAT_TRANSLATE_PROVIDER): requests answer 400");
            default -> new Listed(tool.slug(), tool.aliases(), tool.description(), tool.tier(), List.of(), true, null);
        };
    }
}
