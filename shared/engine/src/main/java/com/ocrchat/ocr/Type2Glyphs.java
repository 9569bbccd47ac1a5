package com.ocrchat.ocr;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.fontbox.cff.CFFCIDFont;
import org.apache.fontbox.cff.CFFFont;
import org.apache.fontbox.cff.CFFType1Font;
import org.apache.fontbox.encoding.StandardEncoding;

/** The glyphs of a CFF font expanded as FontBox's Type2CharStringParser and Type2CharString expand them. */
final class Type2Glyphs extends GlyphExpansions<Integer> {
    private static final int CALLSUBR = 10;
    private static final int RETURN = 11;
    private static final int ENDCHAR = 14;
    private static final int HINTMASK = 19;
    private static final int CNTRMASK = 20;
    private static final int CALLGSUBR = 29;
    private static final int DIV = 0xC00 | 12;

    private final CFFFont font;
    private final byte[][] global;

    private Type2Glyphs(CFFFont font) {
        this.font = font;
        this.global = font.getGlobalSubrIndex().toArray(new byte[0][]);
    }

    /** Why a glyph of this font is over budget, or null. */
    static String overBudget(CFFFont font) {
        return new Type2Glyphs(font)
                .overBudget(IntStream.range(0, font.getNumCharStrings()).boxed().toList());
    }

    @Override
    void parse(Integer gid, Sequence sequence) {
        new Parse(sequence, localSubroutines(gid))
                .parse(font.getCharStringBytes().get(gid), 0);
    }

    /**
     * An endchar after four numbers (and a width) is a seac, whose last two are the standard codes of its parts; FontBox
     * first folds each "a b div" of two numbers into one number (Type2CharString).
     */
    @Override
    List<Integer> parts(List<Object> items) {
        List<Object> folded = new ArrayList<>();
        for (Object item : items) {
            int size = folded.size();
            if (item instanceof Command command
                    && command.code() == DIV
                    && size >= 2
                    && folded.get(size - 2) instanceof Number numerator
                    && folded.get(size - 1) instanceof Number denominator) {
                folded.subList(size - 2, size).clear();
                folded.add(numerator.floatValue() / denominator.floatValue());
            } else {
                folded.add(item);
            }
        }
        List<Integer> parts = new ArrayList<>();
        int numbers = 0;
        for (int i = 0; i < folded.size(); i++) {
            if (folded.get(i) instanceof Number) {
                numbers++;
                continue;
            }
            if (((Command) folded.get(i)).code() == ENDCHAR && (numbers == 4 || numbers == 5)) {
                parts.add(part(folded.get(i - 2)));
                parts.add(part(folded.get(i - 1)));
            }
            numbers = 0;
        }
        return parts;
    }

    /** The glyph a seac names by its standard code; a CID font's parts are its glyph 0. */
    private int part(Object code) {
        if (!(font instanceof CFFType1Font type1)) {
            return 0;
        }
        String name = StandardEncoding.INSTANCE.getName(((Number) code).intValue());
        return name != null ? Math.max(0, type1.nameToGID(name)) : 0;
    }

    private byte[][] localSubroutines(int gid) {
        Map<String, Object> privateDictionary;
        if (font instanceof CFFCIDFont cid) {
            int fd = cid.getFdSelect().getFDIndex(gid);
            privateDictionary = fd >= 0 && fd < cid.getPrivDicts().size()
                    ? cid.getPrivDicts().get(fd)
                    : null;
        } else {
            privateDictionary = ((CFFType1Font) font).getPrivateDict();
        }
        return privateDictionary != null ? (byte[][]) privateDictionary.get("Subrs") : null;
    }

    /** One glyph's parse: Type2CharStringParser.parseSequence, its calls and its hint masks. */
    private final class Parse {
        private final Sequence sequence;
        private final byte[][] local;
        private int stems;

        Parse(Sequence sequence, byte[][] local) {
            this.sequence = sequence;
            this.local = local;
        }

        void parse(byte[] bytes, int depth) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            while (in.hasRemaining()) {
                sequence.step(depth);
                int b0 = in.get() & 0xFF;
                if (b0 == CALLSUBR || b0 == CALLGSUBR) {
                    byte[][] subroutines = b0 == CALLSUBR ? local : global;
                    if (subroutines != null && subroutines.length > 0) {
                        call(subroutines, depth);
                    }
                } else if (b0 == HINTMASK || b0 == CNTRMASK) { // the stems before a mask are vertical ones
                    stems += sequence.trailingNumbers() / 2;
                    in.position(Math.min(in.limit(), in.position() + (stems + 7) / 8));
                    sequence.items.add(new Command(b0));
                } else if (b0 <= 31 && b0 != 28) {
                    if (b0 == 1 || b0 == 18 || b0 == 3 || b0 == 23) { // stems
                        stems += sequence.trailingNumbers() / 2;
                    }
                    sequence.items.add(new Command(b0 == 12 ? 0xC00 | (in.get() & 0xFF) : b0));
                } else {
                    sequence.items.add(number(b0, in));
                }
            }
        }

        /** A call takes its number off the sequence, biased by the count of subroutines; a bad one fails the glyph. */
        private void call(byte[][] subroutines, int depth) {
            int operand = (Integer) sequence.removeLast();
            int bias = subroutines.length < 1240 ? 107 : subroutines.length < 33900 ? 1131 : 32768;
            parse(subroutines[bias + operand], depth + 1);
            if (sequence.last() instanceof Command command && command.code() == RETURN) {
                sequence.removeLast();
            }
        }

        private static Number number(int b0, ByteBuffer in) {
            if (b0 == 28) {
                return (int) in.getShort();
            } else if (b0 <= 246) {
                return b0 - 139;
            } else if (b0 <= 250) {
                return (b0 - 247) * 256 + (in.get() & 0xFF) + 108;
            } else if (b0 <= 254) {
                return -(b0 - 251) * 256 - (in.get() & 0xFF) - 108;
            }
            return in.getShort() + (in.getShort() & 0xFFFF) / 65535d;
        }
    }
}
