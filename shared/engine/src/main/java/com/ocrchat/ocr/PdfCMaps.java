package com.ocrchat.ocr;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessRead;

/**
 * The mappings PDFBox makes from a CMap embedded in a PDF (a font's ToUnicode or encoding), counted before it parses
 * it. PDFBox expands a range code by code, without limit for an embedded CMap: one line of 40 bytes can ask for 16
 * million entries of about 80 bytes each, and a 2 MB file of 12 MB of ranges filled a 2 GB heap. The count follows
 * PDFBox's parse step by step, on the tokens of PDFBox's own CMap tokenizer (a private method, reached by
 * reflection), so that nothing it parses can be hidden from the count by a token it reads differently.
 */
final class PdfCMaps {
    /** Mappings of one CMap: sixteen times the codes of a two-byte font; the bundled CMaps have 30,284 at most. */
    static final long MOST_MAPPINGS = 1 << 20;

    /** A bundled CMap named with "usecmap" is parsed again each time: as many mappings as a two-byte font. */
    private static final long BUNDLED_CMAP = 65_536;

    /** The sections PDFBox reads entry by entry, after the number of their entries. */
    private static final Set<String> SECTIONS =
            Set.of("begincodespacerange", "beginbfchar", "beginbfrange", "begincidchar", "begincidrange");

    /** Names after which PDFBox reads one more token as their value. */
    private static final Set<String> NAMES_WITH_A_VALUE =
            Set.of("WMode", "CMapName", "CMapVersion", "CMapType", "Registry", "Ordering", "Supplement");

    private static final Method NEXT_TOKEN;
    private static final Field OPERATOR;
    private static final Field LITERAL_NAME;

    static {
        try {
            NEXT_TOKEN = CMapParser.class.getDeclaredMethod("parseNextToken", RandomAccessRead.class);
            NEXT_TOKEN.setAccessible(true);
            OPERATOR = Class.forName(CMapParser.class.getName() + "$Operator").getDeclaredField("op");
            OPERATOR.setAccessible(true);
            LITERAL_NAME =
                    Class.forName(CMapParser.class.getName() + "$LiteralName").getDeclaredField("name");
            LITERAL_NAME.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("PDFBox's CMap tokenizer could not be reached", e);
        }
    }

    private final CMapParser parser = new CMapParser();
    private final RandomAccessRead in;
    private long mappings;

    private PdfCMaps(RandomAccessRead in) {
        this.in = in;
    }

    /** The mappings PDFBox makes parsing this CMap, counted up to just past {@link #MOST_MAPPINGS}. */
    static long mappings(COSStream cmap) throws IOException {
        try (RandomAccessRead in = cmap.createView()) {
            PdfCMaps count = new PdfCMaps(in);
            try {
                count.parse();
            } catch (Unparsable stop) {
                // PDFBox stops here too, and drops what it built
            }
            return count.mappings;
        }
    }

    /** PDFBox's CMapParser.parse, counting instead of building. */
    private void parse() throws IOException {
        Object previous = null;
        for (Object token = next(); token != null && mappings <= MOST_MAPPINGS; token = next()) {
            String operator = string(OPERATOR, token);
            String name = string(LITERAL_NAME, token);
            if ("endcmap".equals(operator)) {
                return;
            } else if ("usecmap".equals(operator) && string(LITERAL_NAME, previous) != null) {
                mappings += BUNDLED_CMAP;
            } else if (operator != null
                    && previous instanceof Number count
                    && SECTIONS.contains(operator)
                    && (!operator.equals("begincidrange") || previous instanceof Integer)) {
                section(operator, count.intValue());
            } else if (name != null && NAMES_WITH_A_VALUE.contains(name)) {
                next();
            }
            previous = token;
        }
    }

    /** One section of {@code count} entries, as PDFBox reads it: an operator ends it, a malformed entry the parse. */
    private void section(String operator, int count) throws IOException {
        for (int entry = 0; entry < count && mappings <= MOST_MAPPINGS; entry++) {
            Object first = next();
            if (string(OPERATOR, first) != null) {
                return;
            }
            byte[] code = bytes(first);
            switch (operator) {
                case "begincodespacerange" -> bytes(next());
                case "beginbfchar" -> {
                    Object value = next();
                    if (!(value instanceof byte[]) && string(LITERAL_NAME, value) == null) {
                        throw new Unparsable();
                    }
                    mappings += weight(value);
                }
                case "beginbfrange" -> {
                    Object second = next();
                    if (string(OPERATOR, second) != null) {
                        return;
                    }
                    int start = toInt(code);
                    int end = toInt(bytes(second));
                    if (end < start) {
                        return;
                    }
                    Object destination = next();
                    if (destination instanceof java.util.List<?> array
                            && !array.isEmpty()
                            && array.size() >= end - start) {
                        for (Object value : array) {
                            mappings += weight(value);
                        }
                    } else if (destination instanceof byte[] value && value.length > 0) {
                        mappings += Math.max(0, end - start + 1) * weight(value); // in PDFBox's int arithmetic
                    }
                }
                case "begincidchar" -> {
                    integer(next());
                    mappings++;
                }
                default -> { // begincidrange
                    bytes(next());
                    integer(next());
                    mappings++;
                }
            }
        }
    }

    /**
     * What a mapping to this text counts for: one, and one more for each 32 bytes of it. PDFBox keeps the text of each
     * code as a string, and as a key of its reverse map: a range's 65,536 codes each mapped to 127 characters are 40 MB,
     * and fifteen such ranges in a 2 KB file held 1.3 GB.
     */
    private static long weight(Object text) {
        return 1 + (text instanceof byte[] bytes ? bytes.length / 32 : 0);
    }

    private Object next() throws IOException {
        try {
            return NEXT_TOKEN.invoke(parser, in);
        } catch (InvocationTargetException e) {
            throw new Unparsable();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PDFBox's CMap.toInt: the bytes as a big-endian int, the last four counting. */
    private static int toInt(byte[] bytes) {
        int value = 0;
        for (byte b : bytes) {
            value = value << 8 | (b & 0xFF);
        }
        return value;
    }

    private static byte[] bytes(Object token) {
        if (token instanceof byte[] bytes) {
            return bytes;
        }
        throw new Unparsable();
    }

    private static void integer(Object token) {
        if (!(token instanceof Integer)) {
            throw new Unparsable();
        }
    }

    /** The operator's or name's text when the token is one of that kind, else null. */
    private static String string(Field field, Object token) {
        try {
            return token != null && token.getClass() == field.getDeclaringClass() ? (String) field.get(token) : null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where PDFBox's parse of the CMap fails, and it drops what it built. */
    private static final class Unparsable extends RuntimeException {
        Unparsable() {
            super(null, null, false, false);
        }
    }
}
