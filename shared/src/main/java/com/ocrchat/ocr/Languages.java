package com.ocrchat.ocr;

import com.ocrchat.http.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a requested language (ISO 639-1 such as {@code en}, the product page's {@code ch}, ISO 639-2/B
 * such as {@code ger}, or a Tesseract model name such as {@code chi_sim}; several joined with '+') into
 * the Tesseract models to load, and says exactly how to install one that is missing.
 */
public final class Languages {
    public static final String AUTO = "auto";

    /** Every model Debian packages as tesseract-ocr-<name> (with '-' for '_'). */
    private static final Set<String> TESSERACT_MODELS = Set.of(("afr amh ara asm aze aze_cyrl bel ben bod bos bre bul cat ceb ces "
            + "chi_sim chi_sim_vert chi_tra chi_tra_vert chr cos cym dan deu div dzo ell eng enm epo est eus fao fas fil fin fra "
            + "frk frm fry gla gle glg grc guj hat heb hin hrv hun hye iku ind isl ita ita_old jav jpn jpn_vert kan kat kat_old "
            + "kaz khm kir kmr kor kor_vert lao lat lav lit ltz mal mar mkd mlt mon mri msa mya nep nld nor oci ori pan pol por "
            + "pus que ron rus san sin slk slv snd spa spa_old sqi srp srp_latn sun swa swe syr tam tat tel tgk tha tir ton tur "
            + "uig ukr urd uzb uzb_cyrl vie yid yor").split(" "));

    /** ISO 639-1 and ISO 639-2/B codes, and a few everyday aliases, to Tesseract model names. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("af", "afr"), Map.entry("am", "amh"), Map.entry("ar", "ara"), Map.entry("as", "asm"),
            Map.entry("az", "aze"), Map.entry("be", "bel"), Map.entry("bn", "ben"), Map.entry("bo", "bod"),
            Map.entry("bs", "bos"), Map.entry("br", "bre"), Map.entry("bg", "bul"), Map.entry("ca", "cat"),
            Map.entry("cs", "ces"), Map.entry("zh", "chi_sim"), Map.entry("ch", "chi_sim"), Map.entry("zh-cn", "chi_sim"),
            Map.entry("zh-hans", "chi_sim"), Map.entry("zh-tw", "chi_tra"), Map.entry("zh-hant", "chi_tra"),
            Map.entry("co", "cos"), Map.entry("cy", "cym"), Map.entry("da", "dan"), Map.entry("de", "deu"),
            Map.entry("dv", "div"), Map.entry("dz", "dzo"), Map.entry("el", "ell"), Map.entry("en", "eng"),
            Map.entry("eo", "epo"), Map.entry("et", "est"), Map.entry("eu", "eus"), Map.entry("fo", "fao"),
            Map.entry("fa", "fas"), Map.entry("fi", "fin"), Map.entry("fr", "fra"), Map.entry("fy", "fry"),
            Map.entry("gd", "gla"), Map.entry("ga", "gle"), Map.entry("gl", "glg"), Map.entry("gu", "guj"),
            Map.entry("ht", "hat"), Map.entry("he", "heb"), Map.entry("iw", "heb"), Map.entry("hi", "hin"),
            Map.entry("hr", "hrv"), Map.entry("hu", "hun"), Map.entry("hy", "hye"), Map.entry("iu", "iku"),
            Map.entry("id", "ind"), Map.entry("is", "isl"), Map.entry("it", "ita"), Map.entry("jv", "jav"),
            Map.entry("ja", "jpn"), Map.entry("kn", "kan"), Map.entry("ka", "kat"), Map.entry("kk", "kaz"),
            Map.entry("km", "khm"), Map.entry("ky", "kir"), Map.entry("ko", "kor"), Map.entry("ku", "kmr"),
            Map.entry("lo", "lao"), Map.entry("la", "lat"), Map.entry("lv", "lav"), Map.entry("lt", "lit"),
            Map.entry("lb", "ltz"), Map.entry("ml", "mal"), Map.entry("mr", "mar"), Map.entry("mk", "mkd"),
            Map.entry("mt", "mlt"), Map.entry("mn", "mon"), Map.entry("mi", "mri"), Map.entry("ms", "msa"),
            Map.entry("my", "mya"), Map.entry("ne", "nep"), Map.entry("nl", "nld"), Map.entry("no", "nor"),
            Map.entry("nb", "nor"), Map.entry("oc", "oci"), Map.entry("or", "ori"), Map.entry("pa", "pan"),
            Map.entry("pl", "pol"), Map.entry("pt", "por"), Map.entry("ps", "pus"), Map.entry("qu", "que"),
            Map.entry("ro", "ron"), Map.entry("ru", "rus"), Map.entry("sa", "san"), Map.entry("si", "sin"),
            Map.entry("sk", "slk"), Map.entry("sl", "slv"), Map.entry("sd", "snd"), Map.entry("es", "spa"),
            Map.entry("sq", "sqi"), Map.entry("sr", "srp"), Map.entry("su", "sun"), Map.entry("sw", "swa"),
            Map.entry("sv", "swe"), Map.entry("ta", "tam"), Map.entry("tt", "tat"), Map.entry("te", "tel"),
            Map.entry("tg", "tgk"), Map.entry("tl", "fil"), Map.entry("th", "tha"), Map.entry("ti", "tir"),
            Map.entry("to", "ton"), Map.entry("tr", "tur"), Map.entry("ug", "uig"), Map.entry("uk", "ukr"),
            Map.entry("ur", "urd"), Map.entry("uz", "uzb"), Map.entry("vi", "vie"), Map.entry("yi", "yid"),
            Map.entry("yo", "yor"),
            // ISO 639-2/B codes that differ from the Tesseract (639-2/T) names.
            Map.entry("alb", "sqi"), Map.entry("arm", "hye"), Map.entry("baq", "eus"), Map.entry("bur", "mya"),
            Map.entry("chi", "chi_sim"), Map.entry("zho", "chi_sim"), Map.entry("cze", "ces"), Map.entry("dut", "nld"),
            Map.entry("fre", "fra"), Map.entry("geo", "kat"), Map.entry("ger", "deu"), Map.entry("gre", "ell"),
            Map.entry("ice", "isl"), Map.entry("mac", "mkd"), Map.entry("mao", "mri"), Map.entry("may", "msa"),
            Map.entry("per", "fas"), Map.entry("rum", "ron"), Map.entry("slo", "slk"), Map.entry("tib", "bod"),
            Map.entry("wel", "cym"), Map.entry("tgl", "fil"), Map.entry("deu_frak", "frk"));

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
            return new Languages(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".traineddata"))
                    .map(n -> n.substring(0, n.length() - ".traineddata".length()))
                    .collect(Collectors.toSet()));
        } catch (IOException e) {
            return new Languages(Set.of());
        }
    }

    public Set<String> installed() {
        return new TreeSet<>(installed);
    }

    /**
     * The Tesseract language string for a request, e.g. {@code "deu+eng"}; {@code auto} stays {@code auto}:
     * the engine then chooses the model of each page's script (English must be installed as the fallback).
     */
    public String resolve(String requested) {
        String value = requested == null || requested.isBlank() ? AUTO : requested.trim().toLowerCase(Locale.ROOT);
        if (value.equals(AUTO)) {
            requireInstalled("eng", AUTO);
            return AUTO;
        }
        Set<String> models = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String code : value.split("\\+")) {
            String model = toModel(code.trim());
            if (model == null) {
                unknown.add(code.trim());
            } else {
                models.add(model);
            }
        }
        if (!unknown.isEmpty() || models.isEmpty()) {
            throw new ApiException(400, "Unknown language code: " + String.join(", ", unknown.isEmpty() ? List.of(value) : unknown)
                    + ". Use auto, an ISO 639-1 code (en, de, ja, ar, ...), the Tesseract name (chi_sim, deu), or several joined with '+'",
                    Map.of("installed", installed()));
        }
        models.forEach(model -> requireInstalled(model, value));
        return String.join("+", models);
    }

    private String toModel(String code) {
        String normalized = code.replace('-', '_');
        if (ALIASES.containsKey(code)) {
            return ALIASES.get(code);
        }
        if (ALIASES.containsKey(normalized)) {
            return ALIASES.get(normalized);
        }
        if (TESSERACT_MODELS.contains(normalized) || installed.contains(normalized)) {
            return normalized;
        }
        return null;
    }

    private String requireInstalled(String model, String requested) {
        if (!installed.contains(model)) {
            String debianPackage = "tesseract-ocr-" + model.replace('_', '-');
            throw new ApiException(400, "The language model '" + model + "' (for '" + requested + "') is not installed on this server. "
                    + "Install it with: apt-get install " + debianPackage + " (or ./ocrchat serve --languages all)",
                    Map.of("installed", installed()));
        }
        return model;
    }
}
