package com.ocrchat.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code attachment; filename="..."} with an ASCII fallback and the exact UTF-8 name (RFC 6266). */
public final class ContentDisposition {
    private ContentDisposition() {}

    public static String attachment(String filename) {
        String ascii =
                filename.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
