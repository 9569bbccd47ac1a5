package com.ocrchat.ocr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The input formats, told apart by their magic numbers, never by a file name. */
public enum DocumentType {
    PNG("image/png"),
    JPEG("image/jpeg"),
    GIF("image/gif"),
    BMP("image/bmp"),
    TIFF("image/tiff"),
    WEBP("image/webp"),
    PDF("application/pdf");

    public static final String SUPPORTED = "PNG, JPG, WEBP, GIF, BMP, TIFF, PDF";

    private final String mediaType;

    DocumentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension a file of this type goes by. */
    public String extension() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<DocumentType> detect(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (startsWith(b, 'B', 'M') && b.length > 26) {
            return Optional.of(BMP);
        }
        if (startsWith(b, 'I', 'I', 42, 0) || startsWith(b, 'M', 'M', 0, 42)) {
            return Optional.of(TIFF);
        }
        if (startsWith(b, 'R', 'I', 'F', 'F')
                && b.length >= 12
                && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        // PDF readers accept the header anywhere in the first KiB (some generators prepend junk).
        int window = Math.min(b.length, 1024);
        String head = new String(Arrays.copyOf(b, window), StandardCharsets.ISO_8859_1);
        if (head.contains("%PDF-")) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
