package com.ocrchat.job;

import com.ocrchat.http.ApiException;
import com.ocrchat.http.MultipartForm;
import com.ocrchat.tools.Tool;
import com.ocrchat.tools.Tools;
import com.ocrchat.translate.TargetLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The per-request choices of a submission, validated: the tier asked for and the one that will do the
 * work, language, tool, and the translation target; {@code warnings} go on the job.
 */
public record JobOptions(String requestedTier, String tier, String language, String tool, TargetLanguage translateTo,
                         List<String> warnings) {
    public static final String CPU = "cpu";
    public static final String VLM = "vlm";

    /** What this server can do, for deciding a request's tier and tool. */
    public record Capabilities(Tools tools, boolean vlmConfigured, boolean translationConfigured, boolean vlmFallbackToCpu) {
    }

    /**
     * The tool's tier applies when the form names none. {@code tier=vlm} without a configured vision model is
     * processed by cpu with a warning (or a 400, as the setting says); {@code translate} needs {@code
     * translate_to} and a translation provider.
     */
    public static JobOptions from(MultipartForm form, Capabilities can) {
        String tool = form.field("tool").map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()).orElse(null);
        Tool preset = tool == null ? null : can.tools().require(tool);
        String requested = form.field("tier").map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                .orElse(preset != null && preset.tier() != null ? preset.tier() : CPU);
        if (!Set.of(CPU, VLM).contains(requested)) {
            throw new ApiException(400, "Unknown tier '" + requested + "': use cpu or vlm", Map.of("tiers", new String[] {CPU, VLM}));
        }
        TargetLanguage target = null;
        if (Tools.TRANSLATE.equals(tool)) {
            target = TargetLanguage.parse(form.field("translate_to").orElse(null));
            if (!can.translationConfigured()) {
                throw ApiException.badRequest("tool=translate is not available on this server: no translation provider is configured "
                        + "(set OCRCHAT_TRANSLATE_PROVIDER to bedrock or openai)");
            }
        } else if (form.field("translate_to").filter(v -> !v.isBlank()).isPresent()) {
            throw ApiException.badRequest("translate_to goes with tool=translate");
        }
        List<String> warnings = new ArrayList<>();
        String tier = requested;
        if (VLM.equals(requested) && !can.vlmConfigured()) {
            if (!can.vlmFallbackToCpu()) {
                throw ApiException.badRequest("tier=vlm is not available on this server: no vision model provider is configured");
            }
            tier = CPU;
            warnings.add("tier=vlm was requested but no vision model provider is configured on this server: "
                    + "the cpu engine processed this job and it was charged as cpu");
        }
        return new JobOptions(requested, tier, form.field("language").orElse("auto"), tool, target, List.copyOf(warnings));
    }
}
