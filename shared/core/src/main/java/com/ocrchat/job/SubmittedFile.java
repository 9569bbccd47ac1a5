package com.ocrchat.job;

/** A file as it was sent: its client-side name (possibly empty) and its bytes. */
public record SubmittedFile(String filename, byte[] bytes) {
    private static final int MAX_NAME_CHARS = 255;

    /**
     * The name a client gave a file as this service keeps it: its last path segment (browsers of old sent the
     * whole client path), without control characters, lone surrogates or the noncharacters U+FFFE and U+FFFF (which no
     * XML document, Word's included, can carry), at most 255 characters and never cut inside a pair; "" for none.
     */
    public static String baseName(String clientName) {
        if (clientName == null) {
            return "";
        }
        String name = clientName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\\p{Cs}\\uFFFE\\uFFFF]", "")
                .strip();
        if (name.length() <= MAX_NAME_CHARS) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(MAX_NAME_CHARS - 1)) ? MAX_NAME_CHARS - 1 : MAX_NAME_CHARS;
        return name.substring(0, end);
    }
}
