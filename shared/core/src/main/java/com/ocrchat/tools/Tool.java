package com.ocrchat.tools;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A preset of the OCR request ({@code tool=}): the tier it runs on (null: the request's own), what it
 * stresses, and whether it needs a vision model or a translation provider.
 */
public enum Tool {
    IMAGE_TO_TEXT("image-to-text", null, "Text and Markdown from an image"),
    PDF_TO_TEXT(
            "pdf-to-text",
            null,
            "Text and Markdown from a PDF: pages with a text layer are read from it, scanned pages recognized"),
    EXTRACT_TABLES(
            "extract-tables",
            Tier.CPU,
            "Tables first-class: every table found (ruled or column-aligned, scanned or "
                    + "born-digital) becomes a Markdown table, the csv export's rows and Word tables",
            "extract-table"), // the product page's FAQ spells it so
    HANDWRITING_TO_TEXT("handwriting-to-text", Tier.VLM, "Handwritten pages transcribed by the vision model"),
    MATH_TO_LATEX("math-to-latex", Tier.VLM, "Formulas and equations as LaTeX in the Markdown, by the vision model"),
    TRANSLATE(
            "translate",
            null,
            "The recognized text, also translated by the configured language model: the job's "
                    + "'translation', and the exports with ?translated=true");

    private final String slug;
    private final Tier tier;
    private final String description;
    private final List<String> aliases;

    Tool(String slug, Tier tier, String description, String... aliases) {
        this.slug = slug;
        this.tier = tier;
        this.description = description;
        this.aliases = List.of(aliases);
    }

    /** Other names the tool is asked for by, as documents about it spell it. */
    public List<String> aliases() {
        return aliases;
    }

    @JsonValue
    public String slug() {
        return slug;
    }

    /** The tier the tool runs on when the request names none; null when it is the request's. */
    public Tier tier() {
        return tier;
    }

    public String description() {
        return description;
    }

    /** Tables of aligned short phrases count as tables too (by default prose set in columns is kept from being one). */
    public static boolean eagerTables(Tool tool) {
        return tool == EXTRACT_TABLES;
    }

    public static Optional<Tool> bySlug(String slug) {
        return Arrays.stream(values())
                .filter(tool -> tool.slug.equals(slug) || tool.aliases.contains(slug))
                .findFirst();
    }
}
