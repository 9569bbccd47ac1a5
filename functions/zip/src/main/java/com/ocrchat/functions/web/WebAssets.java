package com.ocrchat.functions.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The built pages, read from the classpath's {@code web/} folder (Vite's output, packed by the functions-web
 * module) and kept in memory once read. {@code /} is index.html, {@code /account} account.html.
 */
final class WebAssets {
    private static final Pattern SAFE_PATH =
            Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    record Asset(String base64, String contentType, boolean immutable) {}

    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    static WebAssets bundled() {
        if (WebAssets.class.getClassLoader().getResource("web/index.html") == null) {
            throw new IllegalStateException("The pages are not built: web/index.html is not on the classpath");
        }
        return new WebAssets();
    }

    Optional<Asset> find(String path) {
        String name = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (name.isEmpty()) {
            name = "index";
        }
        if (!SAFE_PATH.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        String file = name.contains(".") ? name : name + ".html";
        Asset cached = cache.get(file);
        if (cached != null) {
            return Optional.of(cached);
        }
        // Only files that exist are kept: asking for made-up names fills no memory.
        Optional<Asset> asset = read(file);
        asset.ifPresent(found -> cache.put(file, found));
        return asset;
    }

    private static Optional<Asset> read(String file) {
        String extension = file.substring(file.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream("web/" + file)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(
                    new Asset(Base64.getEncoder().encodeToString(in.readAllBytes()), type, file.startsWith("assets/")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
