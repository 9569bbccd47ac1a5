package com.ocrchat.tools;

import com.fasterxml.jackson.annotation.JsonValue;
import com.ocrchat.error.InvalidInput;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** The engine that reads a job: {@code cpu} (Tesseract) or {@code vlm} (a vision-language model). */
public enum Tier {
    CPU,
    VLM;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A tier as a request or a stored job names it; anything else is invalid input listing the tiers. */
    public static Tier of(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(tier -> tier.id().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(
                        "Unknown tier '" + id + "': use cpu or vlm", Map.of("tiers", new String[] {"cpu", "vlm"})));
    }
}
