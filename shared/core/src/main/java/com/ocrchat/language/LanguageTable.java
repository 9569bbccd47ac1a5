package com.ocrchat.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one language table ({@code languages.tsv} beside this class): for every Tesseract model its
 * Debian package, the request codes that name it (ISO 639-1, ISO 639-2/B, everyday aliases), the
 * language detector's codes, the scripts it reads for {@code language=auto}, and whether the local
 * server installs it by default. The launcher reads the same file for its package list.
 */
public final class LanguageTable {

    /** One row: a model and everything that names it. */
    public record Entry(
            String model,
            String debianPackage,
            String iso6391,
            List<String> codes,
            List<String> detectorCodes,
            List<String> scripts,
            boolean installedByDefault) {

        /** Tesseract names its script models by their script, with a capital ({@code Latin}, {@code Devanagari}). */
        public boolean isScriptModel() {
            return Character.isUpperCase(model.charAt(0));
        }
    }

    private static final LanguageTable TABLE = load();

    private final List<Entry> entries;
    private final Map<String, Entry> byCode = new HashMap<>();
    private final Map<String, Entry> byDetectorCode = new HashMap<>();
    private final Map<String, Entry> byScript = new HashMap<>();

    private LanguageTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry entry : entries) {
            byCode.put(entry.model().toLowerCase(Locale.ROOT), entry);
            if (!entry.iso6391().isEmpty()) {
                byCode.putIfAbsent(entry.iso6391(), entry);
            }
            entry.codes().forEach(code -> byCode.putIfAbsent(code, entry));
            byDetectorCode.put(entry.model(), entry);
            entry.detectorCodes().forEach(code -> byDetectorCode.put(code, entry));
            entry.scripts().forEach(script -> byScript.put(script, entry));
        }
    }

    public static LanguageTable get() {
        return TABLE;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The model a request code names, whatever its case: {@code en}, {@code ger}, {@code chi_sim}, {@code zh-Hans}, {@code Latin}. */
    public Optional<Entry> byRequestCode(String code) {
        String key = code.strip().toLowerCase(Locale.ROOT);
        Entry found = byCode.get(key);
        return Optional.ofNullable(found != null ? found : byCode.get(key.replace('-', '_')));
    }

    /** The model of a language the detector names by its ISO 639-3 code ({@code zho} is read by {@code chi_sim}). */
    public Optional<Entry> byDetectorCode(String iso6393) {
        return Optional.ofNullable(byDetectorCode.get(iso6393));
    }

    /** The model that reads a script as Tesseract's orientation and script detection names it ({@code Cyrillic}). */
    public Optional<Entry> byScript(String osdScript) {
        return Optional.ofNullable(byScript.get(osdScript));
    }

    /** The language models that read a script of their own for language=auto, in a stable order. */
    public List<String> scriptReaders() {
        return entries.stream()
                .filter(entry -> !entry.scripts().isEmpty())
                .map(Entry::model)
                .distinct()
                .sorted()
                .toList();
    }

    private static LanguageTable load() {
        try (InputStream in = LanguageTable.class.getResourceAsStream("languages.tsv")) {
            if (in == null) {
                throw new IllegalStateException("languages.tsv is missing from the classpath");
            }
            List<Entry> entries = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = Arrays.copyOf(line.split("\t", -1), 7);
                entries.add(new Entry(
                        cells[0],
                        cells[1],
                        value(cells[2]),
                        list(cells[3]),
                        list(cells[4]),
                        list(cells[5]),
                        "yes".equals(cells[6])));
            }
            return new LanguageTable(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(String cell) {
        return cell == null ? "" : cell.strip();
    }

    private static List<String> list(String cell) {
        return value(cell).isEmpty()
                ? List.of()
                : Arrays.stream(cell.split(",")).map(String::strip).toList();
    }
}
