package com.ocrchat.ocr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.fontbox.type1.Type1Font;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;

/**
 * A Type 1 font program (a FontFile), checked before FontBox loads it or draws from it. FontBox makes room for the
 * subroutines a font declares one by one before it reads any (2 billion declared in a few bytes fill any heap), and
 * it expands a glyph's subroutine calls and accented parts as it draws it, with no limit on their depth or number. So
 * the declared count is read first, on FontBox's own Type 1 tokens (its lexer is package-private, reached by
 * reflection), from the part PDFBox hands it, decrypted as FontBox decrypts it; then every glyph is expanded as
 * FontBox's Type 1 parser expands it ({@link Type1Glyphs}).
 */
final class Type1Programs {
    /** Subroutines one font may declare: fonts have hundreds, a few thousand at most. */
    static final int MOST_SUBROUTINES = 1 << 16;

    private static final Constructor<?> LEXER;
    private static final Method NEXT_TOKEN;
    private static final Method KIND;
    private static final Method TEXT;

    static {
        try {
            Class<?> lexer = Class.forName("org.apache.fontbox.type1.Type1Lexer");
            Class<?> token = Class.forName("org.apache.fontbox.type1.Token");
            LEXER = lexer.getDeclaredConstructor(byte[].class);
            NEXT_TOKEN = lexer.getDeclaredMethod("nextToken");
            KIND = token.getDeclaredMethod("getKind");
            TEXT = token.getDeclaredMethod("getText");
            for (var member : List.of(LEXER, NEXT_TOKEN, KIND, TEXT)) {
                member.setAccessible(true);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("FontBox's Type 1 lexer could not be reached", e);
        }
    }

    private Type1Programs() {}

    /** Why this Type 1 program asks FontBox for too much, or null (also when FontBox cannot read it). */
    static String overBudget(COSStream program, byte[] bytes) {
        byte[][] segments = segments(program, bytes);
        if (segments == null) {
            return null;
        }
        Declared declared = declared(decrypted(segments[1]));
        if (declared.subroutines() > MOST_SUBROUTINES) {
            return "an embedded font in it declares " + declared.subroutines() + " subroutines, more than "
                    + MOST_SUBROUTINES;
        }
        if (declared.lowestLenIV() < -1) {
            // FontBox makes each charstring that many bytes longer than its cipher
            return "an embedded font in it declares a charstring lead (lenIV) of " + declared.lowestLenIV();
        }
        Type1Font font;
        try {
            font = Type1Font.createWithSegments(segments[0], segments[1]);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        return Type1Glyphs.overBudget(font);
    }

    /**
     * The clear and encrypted segments as PDFBox's PDType1Font cuts them (its repairs of Length1 and Length2
     * included), or null where it reads none; a whole PFB file is cut at its own segment markers.
     */
    private static byte[][] segments(COSStream program, byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        if ((bytes[0] & 0xFF) == 0x80) {
            return pfbSegments(bytes);
        }
        int length1 = program.getInt(COSName.LENGTH1);
        int length2 = program.getInt(COSName.LENGTH2);
        int offset = Math.max(0, length1 - 4);
        if (offset <= 0 || offset > bytes.length - 4) {
            offset = bytes.length - 4;
        }
        offset = afterExec(bytes, offset);
        if (offset == 0 && length1 > 0) {
            offset = afterExec(bytes, bytes.length - 4);
        }
        if (length1 - offset != 0 && offset > 0) {
            length1 = offset;
        }
        if (length2 < 0 || length2 > bytes.length - length1) {
            length2 = bytes.length - length1;
        }
        if (length1 <= 0 || length2 <= 0 || length1 > length1 + length2) {
            return null;
        }
        return new byte[][] {
            Arrays.copyOfRange(bytes, 0, length1), Arrays.copyOfRange(bytes, length1, length1 + length2)
        };
    }

    /** PDType1Font.findBinaryOffsetAfterExec: the offset after the last "exec" at or before this one, and blanks. */
    private static int afterExec(byte[] bytes, int start) {
        int offset = start;
        while (offset > 0) {
            if (bytes[offset] == 'e'
                    && bytes[offset + 1] == 'x'
                    && bytes[offset + 2] == 'e'
                    && bytes[offset + 3] == 'c') {
                offset += 4;
                while (offset < bytes.length
                        && (bytes[offset] == '\r'
                                || bytes[offset] == '\n'
                                || bytes[offset] == ' '
                                || bytes[offset] == '\t')) {
                    offset++;
                }
                break;
            }
            offset--;
        }
        return offset;
    }

    /** A PFB file's ASCII and binary records, each kind joined, as FontBox's PfbParser joins them, or null. */
    private static byte[][] pfbSegments(byte[] bytes) {
        ByteArrayOutputStream ascii = new ByteArrayOutputStream();
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (in.remaining() >= 6 && (in.get() & 0xFF) == 0x80) {
            int type = in.get();
            if (type == 3) {
                break;
            }
            int length = Math.min(in.getInt(), in.remaining());
            if (length < 0) {
                return null;
            }
            byte[] record = new byte[length];
            in.get(record);
            (type == 1 ? ascii : binary).writeBytes(record);
        }
        return new byte[][] {ascii.toByteArray(), binary.toByteArray()};
    }

    /** The eexec part decrypted as FontBox's Type1Parser decrypts it: binary, or hexadecimal when it looks so. */
    private static byte[] decrypted(byte[] cipher) {
        boolean binary = cipher.length < 4;
        for (int i = 0; i < Math.min(4, cipher.length); i++) {
            byte b = cipher[i];
            if (b != '\n' && b != '\r' && b != ' ' && b != '\t' && Character.digit((char) b, 16) == -1) {
                binary = true;
            }
        }
        byte[] bytes = binary ? cipher : fromHex(cipher);
        if (bytes.length < 4) {
            return new byte[0];
        }
        byte[] plain = new byte[bytes.length - 4];
        int r = 55665;
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            if (i >= 4) {
                plain[i - 4] = (byte) (c ^ (r >> 8));
            }
            r = ((c + r) * 52845 + 22719) & 0xFFFF;
        }
        return plain;
    }

    private static byte[] fromHex(byte[] hex) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int high = -1;
        for (byte b : hex) {
            int digit = Character.digit((char) b, 16);
            if (digit != -1) {
                if (high == -1) {
                    high = digit;
                } else {
                    out.write(high * 16 + digit);
                    high = -1;
                }
            }
        }
        return out.toByteArray();
    }

    /** A number token as FontBox reads it ((int) Float.parseFloat); 0 where FontBox fails on it, and the font. */
    private static long number(String text) {
        try {
            return (long) Double.parseDouble(text);
        } catch (NumberFormatException unreadable) {
            return 0;
        }
    }

    /** The most subroutines a font declares, and the lowest lead its charstrings' encryption declares. */
    private record Declared(long subroutines, long lowestLenIV) {}

    /** What the decrypted part declares after /Subrs and /lenIV literals, on the tokens of FontBox's own lexer. */
    private static Declared declared(byte[] plain) {
        long subroutines = 0;
        long lowestLenIV = 4;
        try {
            Object lexer = LEXER.newInstance((Object) plain);
            String literal = "";
            for (Object token = NEXT_TOKEN.invoke(lexer); token != null; token = NEXT_TOKEN.invoke(lexer)) {
                String kind = String.valueOf(KIND.invoke(token));
                String text = (String) TEXT.invoke(token);
                boolean subrs = literal.equals("Subrs") && "INTEGER".equals(kind);
                boolean lenIV = literal.equals("lenIV") && ("INTEGER".equals(kind) || "REAL".equals(kind));
                if (subrs || lenIV) {
                    long value = number(text);
                    subroutines = subrs ? Math.max(subroutines, value) : subroutines;
                    lowestLenIV = lenIV ? Math.min(lowestLenIV, value) : lowestLenIV;
                }
                literal = "LITERAL".equals(kind) ? text : "";
            }
        } catch (InvocationTargetException stopped) {
            // FontBox's lexer stops here too; what it read before was counted
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("FontBox's Type 1 lexer could not be used", e);
        }
        return new Declared(subroutines, lowestLenIV);
    }
}
