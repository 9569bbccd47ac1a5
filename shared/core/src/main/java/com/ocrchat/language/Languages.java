package com.ocrchat.language;

import com.ocrchat.error.InvalidInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a requested language (ISO 639-1 such as {@code en}, the product page's {@code ch}, ISO 639-2/B
 * such as {@code ger}, or a Tesseract model name such as {@code chi_sim} or {@code Latin}; several
 * joined with '+') into the Tesseract models to load, and says exactly how to install one that is missing.
 */
public final class Languages {
    public static final String AUTO = "auto";
    /** Models loaded together for one page: each more costs time on every page, and a native handle. */
    public static final int MAX_MODELS = 3;

    private final Set<String> installed;

    public Languages(Set<String> installed) {
        this.installed = Set.copyOf(installed);
    }

    /** The models in a tessdata folder (each {@code <name>.traineddata}). */
    public static Languages installedIn(Path tessdata) {
        if (tessdata == null || !Files.isDirectory(tessdata)) {
            return new Languages(Set.of());
        }
        try (Stream<Path> files = Files.list(tessdata)) {
            return new Languages(files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".traineddata"))
                    .map(name -> name.substring(0, name.length() - ".traineddata".length()))
                    .collect(Collectors.toSet()));
        } catch (IOException e) {
            return new Languages(Set.of());
        }
    }

    public Set<String> installed() {
        return new TreeSet<>(installed);
    }

    public boolean isInstalled(String model) {
        return installed.contains(model);
    }

    /**
     * The Tesseract language string for a request, e.g. {@code "deu+eng"}; {@code auto} stays {@code auto}:
     * the engine then chooses the model of each page's script (English must be installed as the fallback).
     */
    public String resolve(String requested) {
        String value = requested == null || requested.isBlank() ? AUTO : requested.strip();
        if (value.length() > 64) {
            throw new InvalidInput(
                    "The language field is longer than a few language codes", Map.of("max_models", MAX_MODELS));
        }
        if (value.equalsIgnoreCase(AUTO)) {
            requireInstalled("eng", AUTO);
            return AUTO;
        }
        Set<String> models = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String code : value.split("\\+")) {
            Optional<String> model = LanguageTable.get()
                    .byRequestCode(code)
                    .map(LanguageTable.Entry::model)
                    .or(() -> installed.contains(code.strip()) ? Optional.of(code.strip()) : Optional.empty());
            model.ifPresentOrElse(models::add, () -> unknown.add(code.strip()));
        }
        if (!unknown.isEmpty() || models.isEmpty()) {
            throw new InvalidInput(
                    "Unknown language code: " + String.join(", ", unknown.isEmpty() ? List.of(value) : unknown)
                            + ". Use auto, an ISO 639-1 code (en, de, ja, ar, ...), the Tesseract name (chi_sim, deu), or several joined with '+'",
                    Map.of("installed", installed()));
        }
        if (models.size() > MAX_MODELS) {
            throw new InvalidInput(
                    "At most " + MAX_MODELS + " languages can be read together", Map.of("max_models", MAX_MODELS));
        }
        models.forEach(model -> requireInstalled(model, value));
        // Sorted and without repeats, so "de+en" and "en+de+en" are the same string, one handle.
        return String.join("+", models);
    }

    private void requireInstalled(String model, String requested) {
        if (!installed.contains(model)) {
            String debianPackage = "tesseract-ocr-"
                    + LanguageTable.get()
                            .byRequestCode(model)
                            .map(LanguageTable.Entry::debianPackage)
                            .orElse(model.replace('_', '-'));
            throw new InvalidInput(
                    "The language model '" + model + "' (for '" + requested + "') is not installed on this server. "
                            + "Install it with: apt-get install " + debianPackage
                            + " (or ./ocrchat serve --languages all)",
                    Map.of("installed", installed()));
        }
    }
}
