package com.ocrchat.ocr;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import org.apache.pdfbox.cos.COSStream;

/**
 * The mappings PDFBox makes from a CMap embedded in a PDF (a font's ToUnicode or encoding), counted before it parses
 * it: one "bfrange" line of 30 bytes maps up to 256 codes, each an entry of about 80 bytes in its maps, so a 2 MB file
 * of 12 MB of such lines filled a 2 GB heap. A font's real CMap maps at most every code of its 65,536.
 */
final class PdfCMaps {
    /** Mappings of one CMap: sixteen times the codes of a two-byte font, about 80 MB of PDFBox's maps. */
    static final long MOST_MAPPINGS = 1 << 20;

    private PdfCMaps() {}

    /** The mappings the CMap makes, as PDFBox parses it (at most 256 a hex range), counted up to past the budget. */
    static long mappings(COSStream cmap) throws IOException {
        try (InputStream decoded = cmap.createInputStream()) {
            Tokens tokens = new Tokens(decoded);
            long mappings = 0;
            String section = "";
            long[] range = new long[3];
            int inRange = 0;
            for (Object token; mappings <= MOST_MAPPINGS && (token = tokens.next()) != null; ) {
                if (token instanceof String word && word.startsWith("begin")) {
                    section = word;
                    inRange = 0;
                } else if (token instanceof String word && word.startsWith("end")) {
                    section = "";
                } else if (section.equals("beginbfrange")) {
                    // start, end, then a destination: a hex code (incremented per code) or an array of them
                    if (inRange < 2) {
                        range[inRange++] = token instanceof Hex hex ? hex.value : 0;
                    } else {
                        mappings += token instanceof Array array ? array.size : hexRange(range[0], range[1], token);
                        inRange = 0;
                    }
                } else if (section.equals("beginbfchar") || section.equals("begincidchar")) {
                    mappings += inRange++ % 2; // pairs: a code and what it maps to
                }
            }
            return mappings;
        }
    }

    /**
     * Codes a range mapped to one hex destination maps: PDFBox stops when the destination's last byte overflows,
     * after 256 at most, except for the whole two-byte range mapped from 0, which it maps in full.
     */
    private static long hexRange(long start, long end, Object destination) {
        long codes = Math.max(0, end - start + 1);
        boolean identity = start == 0 && end == 0xFFFF && destination instanceof Hex hex && hex.value == 0;
        return identity ? codes : Math.min(codes, 256);
    }

    /** A hex string's value (its last eight bytes). */
    private record Hex(long value) {}

    /** An array, by its number of elements. */
    private record Array(long size) {}

    /** The tokens of a CMap program: words (operators, numbers), hex strings and arrays; the rest as one marker. */
    private static final class Tokens {
        private static final Object OTHER = new Object();
        private static final Object CLOSE = new Object();
        private final PushbackInputStream in;

        Tokens(InputStream decoded) {
            in = new PushbackInputStream(new BufferedInputStream(decoded), 1);
        }

        /** The next token, or null at the end. */
        Object next() throws IOException {
            int c = in.read();
            while (c != -1 && (Character.isWhitespace(c) || c == 0 || c == '%')) {
                if (c == '%') {
                    while (c != -1 && c != '\n' && c != '\r') {
                        c = in.read();
                    }
                }
                c = in.read();
            }
            if (c == -1) {
                return null;
            }
            switch (c) {
                case '<' -> {
                    int d = in.read();
                    if (d == '<') {
                        return OTHER;
                    }
                    long value = 0;
                    for (; d != -1 && d != '>'; d = in.read()) {
                        int digit = Character.digit(d, 16);
                        value = digit >= 0 ? value << 4 | digit : value;
                    }
                    return new Hex(value);
                }
                case '[' -> {
                    long size = 0;
                    for (Object element = next(); element != null && element != Tokens.CLOSE; element = next()) {
                        size++;
                    }
                    return new Array(size);
                }
                case ']' -> {
                    return CLOSE;
                }
                case '(' -> {
                    for (int depth = 1; depth > 0 && (c = in.read()) != -1; ) {
                        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                        if (c == '\\') {
                            in.read();
                        }
                    }
                    return OTHER;
                }
                case '/' -> {
                    word(c);
                    return OTHER; // a name
                }
                case '>', '{', '}', ')' -> {
                    return OTHER;
                }
                default -> {
                    return word(c);
                }
            }
        }

        /** A run of regular characters from this one on: an operator or a number. */
        private String word(int first) throws IOException {
            StringBuilder word = new StringBuilder().append((char) first);
            int c = in.read();
            for (; c != -1 && !Character.isWhitespace(c) && "()<>[]{}/%".indexOf(c) < 0; c = in.read()) {
                word.append((char) c);
            }
            if (c != -1) {
                in.unread(c);
            }
            return word.toString();
        }
    }
}
