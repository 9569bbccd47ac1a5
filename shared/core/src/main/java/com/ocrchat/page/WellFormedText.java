package com.ocrchat.page;

/**
 * Text every format can carry: XML 1.0 (Word, hOCR, ALTO) has no controls but tab and line ends, and no lone
 * surrogates, which strict JSON decoders refuse too. A PDF's text layer maps its codes to whatever strings it likes,
 * so its words are made well formed where they are read, and the exports' titles where they are written.
 */
public final class WellFormedText {
    private static final int REPLACEMENT = 0xFFFD;

    private WellFormedText() {}

    /** The text with every character XML 1.0 cannot carry (controls, lone surrogates, U+FFFE, U+FFFF) as U+FFFD. */
    public static String of(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!allowed(c)) {
                return replaced(text);
            }
            i += Character.charCount(c);
        }
        return text; // the common case: nothing copied
    }

    private static String replaced(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            safe.appendCodePoint(allowed(c) ? c : REPLACEMENT);
            i += Character.charCount(c);
        }
        return safe.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
