package com.ocrchat.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The file cannot be read as a document: empty, of an unsupported type, corrupt, truncated or
 * encrypted, as a whole or on one page ({@link #page()}, 1-based, when the fault lies there).
 */
public final class UnsupportedDocument extends OcrChatException {
    private final Integer page;

    public UnsupportedDocument(String message) {
        this(message, Map.of());
    }

    public UnsupportedDocument(String message, Map<String, Object> details) {
        this(message, null, details, null);
    }

    /** A fault on page {@code page} (1-based): the message names it, and so does the body. */
    public static UnsupportedDocument onPage(int page, String reason, Throwable cause) {
        return new UnsupportedDocument("Page " + page + " " + reason, page, Map.of(), cause);
    }

    private UnsupportedDocument(String message, Integer page, Map<String, Object> details, Throwable cause) {
        super(message, withPage(details, page), cause);
        this.page = page;
    }

    public OptionalInt page() {
        return page == null ? OptionalInt.empty() : OptionalInt.of(page);
    }

    private static Map<String, Object> withPage(Map<String, Object> details, Integer page) {
        Map<String, Object> all = new LinkedHashMap<>();
        if (page != null) {
            all.put("page", page);
        }
        all.putAll(details);
        return all;
    }

    @Override
    public boolean clientCaused() {
        return true;
    }
}
