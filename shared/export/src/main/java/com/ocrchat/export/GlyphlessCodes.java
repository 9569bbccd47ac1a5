package com.ocrchat.export;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The searchable PDF's character codes and their ToUnicode map, for one document. A character of the Basic
 * Multilingual Plane is its own two-byte code, mapped to itself. One beyond it (an emoji, 𝔘, a CJK Extension B
 * ideograph in a name) cannot be: its two UTF-16 halves as two codes would each map to a lone surrogate, which text
 * extraction gives back as U+FFFD. So each such character the document uses gets a code of its own from the
 * surrogate range (codes no text of the plane uses), mapped to the character's pair.
 */
final class GlyphlessCodes {
    private static final int FIRST_SPARE_CODE = 0xD800;
    private static final int SPARE_CODES = 0x800;
    private static final int REPLACEMENT = 0xFFFD;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Map<Integer, Integer> beyondThePlane = new LinkedHashMap<>();

    /** The text's codes as hex digits, four a code, appended; returns how many codes (glyphs) it has. */
    int appendCodes(StringBuilder hex, String text) {
        int codes = 0;
        for (int i = 0; i < text.length(); codes++) {
            int character = text.codePointAt(i);
            i += Character.charCount(character);
            int code = character;
            if (character > 0xFFFF) {
                Integer spare = beyondThePlane.get(character);
                if (spare == null && beyondThePlane.size() < SPARE_CODES) {
                    spare = FIRST_SPARE_CODE + beyondThePlane.size();
                    beyondThePlane.put(character, spare);
                }
                code = spare == null ? REPLACEMENT : spare;
            } else if (Character.isSurrogate((char) character)) {
                code = REPLACEMENT; // a lone half: its code would now name another character
            }
            appendHex(hex, code);
        }
        return codes;
    }

    /** The ToUnicode CMap: the plane's codes to themselves, the spare codes to the characters they stand for. */
    byte[] toUnicode() {
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                2 beginbfrange
                <0000> <D7FF> <0000>
                <E000> <FFFF> <E000>
                endbfrange
                """);
        var entries = beyondThePlane.entrySet().iterator();
        for (int left = beyondThePlane.size(); left > 0; left -= 100) {
            cmap.append(Math.min(100, left)).append(" beginbfchar\n"); // at most 100 entries a section
            for (int i = 0; i < Math.min(100, left); i++) {
                Map.Entry<Integer, Integer> entry = entries.next();
                StringBuilder line = new StringBuilder("<");
                appendHex(line, entry.getValue());
                line.append("> <");
                for (char half : Character.toChars(entry.getKey())) {
                    appendHex(line, half);
                }
                cmap.append(line).append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """);
        return cmap.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void appendHex(StringBuilder hex, int code) {
        hex.append(HEX[(code >> 12) & 0xF])
                .append(HEX[(code >> 8) & 0xF])
                .append(HEX[(code >> 4) & 0xF])
                .append(HEX[code & 0xF]);
    }
}
