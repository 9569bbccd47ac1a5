package com.ocrchat.tools;

import com.ocrchat.http.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of tools: every slug the API accepts in {@code tool=}, with what this server can do for it. */
public final class Tools {
    public static final String IMAGE_TO_TEXT = "image-to-text";
    public static final String PDF_TO_TEXT = "pdf-to-text";
    public static final String EXTRACT_TABLES = "extract-tables";
    public static final String HANDWRITING_TO_TEXT = "handwriting-to-text";
    public static final String MATH_TO_LATEX = "math-to-latex";
    public static final String TRANSLATE = "translate";

    private final List<Tool> tools;

    public Tools(boolean vlmConfigured, boolean translationConfigured) {
        String vlmNote = vlmConfigured ? null
                : "No vision model provider is configured on this server: runs on the cpu tier (charged as cpu) with a warning";
        tools = List.of(
                new Tool(IMAGE_TO_TEXT, "Text and Markdown from an image", null, List.of(), true, null),
                new Tool(PDF_TO_TEXT, "Text and Markdown from a PDF: pages with a text layer are read from it, scanned pages recognized",
                        null, List.of(), true, null),
                new Tool(EXTRACT_TABLES, "Tables first-class: every table found (ruled or column-aligned, scanned or born-digital) "
                        + "becomes a Markdown table, the csv export's rows and Word tables", "cpu", List.of(), true, null),
                new Tool(HANDWRITING_TO_TEXT, "Handwritten pages transcribed by the vision model", "vlm", List.of(), true, vlmNote),
                new Tool(MATH_TO_LATEX, "Formulas and equations as LaTeX in the Markdown, by the vision model", "vlm", List.of(), true, vlmNote),
                new Tool(TRANSLATE, "The recognized text, also translated by the configured language model: the job's 'translation', "
                        + "and the exports with ?translated=true", null,
                        List.of(new Tool.Parameter("translate_to", true, "Target language code: ISO 639-1 (de, ja), ISO 639-2/3 (deu) or a tag (pt-BR)")),
                        translationConfigured, translationConfigured ? null
                        : "No translation provider is configured on this server (OCRCHAT_TRANSLATE_PROVIDER): requests answer 400"));
    }

    public List<Tool> list() {
        return tools;
    }

    /** The tool of {@code slug}; an unknown slug is a 400 listing the known ones. */
    public Tool require(String slug) {
        return find(slug).orElseThrow(() -> new ApiException(400, "Unknown tool '" + slug + "'. Known tools: " + String.join(", ", slugs()),
                Map.of("tools", slugs())));
    }

    public Optional<Tool> find(String slug) {
        return tools.stream().filter(tool -> tool.slug().equals(slug)).findFirst();
    }

    public List<String> slugs() {
        return tools.stream().map(Tool::slug).toList();
    }
}
