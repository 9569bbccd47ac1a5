package com.ocrchat.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;

/**
 * The operands a content stream piles up before an operator, in heap, read before PDFBox parses it. PDFBox's parser
 * holds every operand until the next operator, however many, and each a few dozen bytes: "[()]" (4 bytes) is about 150
 * bytes parsed, so a form of 31 MB of them, within a stream's limit, is 1.2 GB, and a form drawing itself holds one
 * pile while the next is parsed (a 47 KB file filled a 2 GB heap). No real operator has more than a few thousand.
 */
final class OperandPiles {
    /** The heap one operator's operands may take: 8 MB, a string of 8 MB or about 100,000 small operands. */
    static final long MOST_BYTES = 8L * 1024 * 1024;

    static final String REFUSAL =
            "an operator in it has more than " + DecodeBudget.megabytes(MOST_BYTES) + " MB of operands";

    private static final int NUMBER = 32;
    private static final int NAME = 56;
    private static final int STRING = 56;
    private static final int ARRAY = 80;
    private static final int DICTIONARY = 120;

    private InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long pile;
    /** Arrays and dictionaries open: PDFBox skips a keyword inside one, where it ends the pile outside. */
    private int depth;

    private OperandPiles() {}

    /** Whether some operator of the stream has operands of more than {@link #MOST_BYTES} of heap. */
    static boolean overBudget(InputStream contents) throws IOException {
        OperandPiles piles = new OperandPiles();
        piles.in = contents;
        return piles.scan();
    }

    /**
     * Whether content parsed as one (a page's contents in parts, which PDFBox joins into one stream, the pile going on
     * from part to part) piles up too many operands; decoded on a budget of its own, as PDFBox decodes it again to
     * draw it on the page's.
     */
    static boolean overBudget(List<COSStream> parts) {
        OperandPiles piles = new OperandPiles();
        try {
            // The document's own limit, as PDFBox's decoding has: a larger one let the scan inflate a content stream
            // PDFBox would refuse (fuzzing's decompression bombs ran 15-400 times slower).
            return new DecodeBudget(DecodeBudget.current().bytes()).apply(() -> {
                for (COSStream part : parts) {
                    try (InputStream in = part.createInputStream()) {
                        piles.in = in;
                        piles.position = 0;
                        piles.limit = 0;
                        if (piles.scan()) {
                            return true;
                        }
                    }
                }
                return false;
            });
        } catch (IOException undecodable) {
            return false; // PDFBox fails to decode it too, or its own decode is refused by the page's budget
        }
    }

    /**
     * Why a content stream (of a page's contents, a form, a pattern, or each of a Type 3 font's glyph procedures) piles
     * up too many operands before an operator ({@link OperandPiles}), or null; each stream counted once, those within
     * budget kept in {@code operandsWithin}.
     */
    static String overBudget(COSBase contents, Set<COSBase> operandsWithin) {
        List<COSStream> parts = new ArrayList<>();
        if (contents instanceof COSArray array) { // a page's contents: parsed as one stream, counted as one
            if (operandsWithin.contains(array)) {
                return null;
            }
            for (int index = 0; index < array.size(); index++) {
                if (array.getObject(index) instanceof COSStream part) {
                    parts.add(part);
                }
            }
            if (overBudget(parts)) {
                return REFUSAL;
            }
            operandsWithin.add(array); // the text layer and the drawing each ask
            return null;
        }
        if (contents instanceof COSStream stream) {
            parts.add(stream);
        } else if (contents instanceof COSDictionary procedures) {
            procedures.keySet().forEach(name -> {
                if (procedures.getDictionaryObject(name) instanceof COSStream procedure) {
                    parts.add(procedure);
                }
            });
        }
        for (COSStream part : parts) {
            if (!operandsWithin.contains(part)) {
                if (overBudget(List.of(part))) {
                    return REFUSAL;
                }
                operandsWithin.add(part);
            }
        }
        return null;
    }

    /** A form (an annotation's appearance too) or a tiling pattern: content PDFBox parses as it draws it. */
    static boolean isDrawn(COSDictionary dictionary) {
        COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
        return dictionary instanceof COSStream
                && (COSName.FORM.equals(subtype)
                        || subtype == null && dictionary.containsKey(COSName.BBOX) // an appearance drawn as a form
                        || dictionary.getInt(COSName.PATTERN_TYPE) == 1);
    }

    private boolean scan() throws IOException {
        StringBuilder word = new StringBuilder();
        for (int b = read(); b >= 0; b = read()) {
            if (pile > MOST_BYTES) {
                return true;
            }
            if (isRegular(b)) {
                word.append((char) b);
                while ((b = peek()) >= 0 && isRegular(b)) {
                    read();
                    if (word.length() < 8) { // as much as tells a keyword
                        word.append((char) b);
                    }
                }
                endWord(word.toString());
                word.setLength(0);
                continue;
            }
            switch (b) {
                case '%' -> skipUntilLineEnd();
                case '(' -> pile += STRING + skipString();
                case '<' -> {
                    if (peek() == '<') {
                        read();
                        depth++;
                        pile += DICTIONARY;
                    } else {
                        pile += STRING + skipUntil('>') / 2;
                    }
                }
                case '[' -> {
                    depth++;
                    pile += ARRAY;
                }
                case ']' -> depth = Math.max(0, depth - 1);
                case '>' -> {
                    if (peek() == '>') {
                        read();
                        depth = Math.max(0, depth - 1);
                    }
                }
                case '/' -> {
                    while ((b = peek()) >= 0 && isRegular(b)) {
                        read();
                    }
                    pile += NAME;
                }
                default -> {} // white space, and the closing delimiters
            }
        }
        return pile > MOST_BYTES;
    }

    /** A number or keyword operand counts; an operator clears the pile, and inline image data is passed over. */
    private void endWord(String word) throws IOException {
        char first = word.charAt(0);
        if (first >= '0' && first <= '9' || first == '-' || first == '+' || first == '.') {
            pile += NUMBER;
        } else if (word.equals("true") || word.equals("false") || word.equals("null")) {
            pile += 8;
        } else if (depth > 0) {
            pile += NUMBER; // a stray word PDFBox skips inside the array or dictionary, which goes on
        } else {
            pile = 0;
            if (word.equals("ID")) {
                skipInlineImageData();
            }
        }
    }

    /**
     * To "EI" and white space or the end: PDFBox ends the data at the first such "EI" that looks followed by operators,
     * never sooner, so the count never skips what PDFBox parses.
     */
    private void skipInlineImageData() throws IOException {
        for (int b = read(); b >= 0; b = read()) {
            if (b == 'E' && peek() == 'I') {
                read();
                int after = peek();
                if (after < 0 || isWhite(after)) {
                    return;
                }
            }
        }
    }

    /** A literal string's bytes, to its balancing parenthesis; escapes taken as PDFBox takes them. */
    private long skipString() throws IOException {
        long bytes = 0;
        int depth = 1;
        for (int b = read(); b >= 0; b = read()) {
            if (b == '\\') {
                read();
            } else if (b == '(') {
                depth++;
            } else if (b == ')' && --depth == 0) {
                return bytes;
            }
            bytes++;
        }
        return bytes;
    }

    private long skipUntil(int end) throws IOException {
        long bytes = 0;
        for (int b = read(); b >= 0 && b != end; b = read()) {
            bytes++;
        }
        return bytes;
    }

    private void skipUntilLineEnd() throws IOException {
        for (int b = peek(); b >= 0 && b != '\n' && b != '\r'; b = peek()) {
            read();
        }
    }

    /** PDF's white space. */
    static boolean isWhite(int b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
    }

    private static boolean isRegular(int b) {
        return !isWhite(b) && "()<>[]{}/%".indexOf(b) < 0;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position] & 0xFF;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    private boolean fill() throws IOException {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }
}
