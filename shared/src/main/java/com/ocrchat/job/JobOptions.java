package com.ocrchat.job;

import com.ocrchat.http.ApiException;
import com.ocrchat.http.MultipartForm;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The per-request choices of a submission, validated: tier, language, tool. */
public record JobOptions(String requestedTier, String language, String tool) {
    public static final String CPU = "cpu";
    public static final String VLM = "vlm";

    /** Tools that are plain OCR presets today; the tool registry adds the rest. */
    static final Map<String, String> TOOLS = Map.of(
            "image-to-text", "Plain text and Markdown from an image",
            "pdf-to-text", "Plain text and Markdown from a PDF");

    public static JobOptions from(MultipartForm form) {
        String tier = form.field("tier").map(v -> v.toLowerCase(Locale.ROOT)).orElse(CPU);
        if (!Set.of(CPU, VLM).contains(tier)) {
            throw new ApiException(400, "Unknown tier '" + tier + "': use cpu or vlm", Map.of("tiers", new String[] {CPU, VLM}));
        }
        String tool = form.field("tool").map(v -> v.toLowerCase(Locale.ROOT)).orElse(null);
        if (tool != null && !TOOLS.containsKey(tool)) {
            throw new ApiException(400, "Unknown tool '" + tool + "'. Known tools: " + String.join(", ", TOOLS.keySet().stream().sorted().toList()),
                    Map.of("tools", TOOLS.keySet().stream().sorted().toList()));
        }
        return new JobOptions(tier, form.field("language").orElse("auto"), tool);
    }
}
