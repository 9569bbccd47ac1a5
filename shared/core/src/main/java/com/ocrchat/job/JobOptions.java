package com.ocrchat.job;

import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.Unauthenticated;
import com.ocrchat.language.TargetLanguage;
import com.ocrchat.tools.Tier;
import com.ocrchat.tools.Tool;
import com.ocrchat.tools.ToolCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-request choices of a job, validated: the tier asked for and the one that does the work, the
 * language as requested, the tool (null for none) and the translation target (null unless translating).
 */
public record JobOptions(Tier requestedTier, Tier tier, String language, Tool tool, TargetLanguage translateTo) {

    /** The choices as the request gave them, before validation (the edge fills it from the form). */
    public record Requested(
            Optional<String> tier, Optional<String> language, Optional<String> tool, Optional<String> translateTo) {}

    /** Validated options and the warnings they put on the job. */
    public record Decided(JobOptions options, List<String> warnings) {}

    /**
     * The tool's tier applies when the request names none. {@code tier=vlm} without a configured vision model is
     * read by cpu with a warning (or refused, as {@code vlmFallsBackToCpu} says); {@code translate} needs
     * {@code translate_to} and a translation provider. Without {@code modelWorkAllowed} (an anonymous caller)
     * no paid model work is done: vlm is read by cpu the same way, translate is refused.
     */
    public static Decided decide(
            Requested requested, ToolCatalog catalog, boolean vlmFallsBackToCpu, boolean modelWorkAllowed) {
        Tool tool = requested.tool().map(catalog::require).orElse(null);
        Tier asked =
                requested.tier().map(Tier::of).orElse(tool != null && tool.tier() != null ? tool.tier() : Tier.CPU);
        TargetLanguage target = null;
        if (tool == Tool.TRANSLATE) {
            target = TargetLanguage.parse(requested.translateTo().orElse(null));
            if (!catalog.translationConfigured()) {
                throw new InvalidInput(
                        "tool=translate is not available on this server: no translation provider is configured "
                                + "(set OCRCHAT_TRANSLATE_PROVIDER to bedrock or openai)");
            }
            if (!modelWorkAllowed) {
                throw new Unauthenticated(
                        "tool=translate needs an account token: anonymous requests get no paid model work");
            }
        } else if (requested.translateTo().isPresent()) {
            throw new InvalidInput("translate_to goes with tool=translate");
        }
        List<String> warnings = new ArrayList<>();
        Tier tier = asked;
        if (asked == Tier.VLM && !catalog.vlmConfigured()) {
            if (!vlmFallsBackToCpu) {
                throw new InvalidInput(
                        "tier=vlm is not available on this server: no vision model provider is configured");
            }
            tier = Tier.CPU;
            warnings.add("tier=vlm was requested but no vision model provider is configured on this server: "
                    + "the cpu engine processed this job and it was charged as cpu");
        } else if (asked == Tier.VLM && !modelWorkAllowed) {
            if (!vlmFallsBackToCpu) {
                throw new Unauthenticated("tier=vlm needs an account token: anonymous requests get no paid model work");
            }
            tier = Tier.CPU;
            warnings.add("tier=vlm needs an account token (anonymous requests get no paid model work): "
                    + "the cpu engine processed this job and it was charged as cpu");
        }
        return new Decided(
                new JobOptions(asked, tier, requested.language().orElse("auto"), tool, target), List.copyOf(warnings));
    }

    public boolean eagerTables() {
        return Tool.eagerTables(tool);
    }
}
