package com.ocrchat.ocr;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.fontbox.encoding.StandardEncoding;
import org.apache.fontbox.type1.Type1Font;

/** The glyphs of a Type 1 font expanded as FontBox's Type1CharStringParser and Type1CharString expand them. */
final class Type1Glyphs extends GlyphExpansions<String> {
    private static final int CALLSUBR = 10;
    private static final int RETURN = 11;
    private static final int ESCAPE = 12;
    private static final int CALLOTHERSUBR = ESCAPE << 8 | 16;
    private static final int POP = 17;
    private static final int SEAC = ESCAPE << 8 | 6;
    private static final int DIV = ESCAPE << 8 | 12;

    private final Type1Font font;
    private final List<byte[]> subroutines;

    private Type1Glyphs(Type1Font font) {
        this.font = font;
        this.subroutines = font.getSubrsArray();
    }

    /** Why a glyph of this font is over budget, or null. */
    static String overBudget(Type1Font font) {
        return new Type1Glyphs(font).overBudget(font.getCharStringsDict().keySet());
    }

    @Override
    void parse(String name, Sequence sequence) {
        byte[] bytes = font.getCharStringsDict().get(name);
        if (bytes != null) { // a part the font lacks is drawn as nothing
            new Parse(sequence).parse(bytes, 0);
        }
    }

    /**
     * A seac's fourth and fifth numbers are the standard codes of the glyphs it draws, as Type1CharString renders the
     * sequence: numbers pile up, "div" folds the last two into one, any other command takes them. A part the font lacks
     * is drawn as its .notdef.
     */
    @Override
    List<String> parts(List<Object> items) {
        List<String> parts = new ArrayList<>();
        List<Number> numbers = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Number number) {
                numbers.add(number);
                continue;
            }
            int code = ((Command) item).code();
            if (code == DIV && numbers.size() >= 2) {
                int last = numbers.size() - 1;
                float quotient =
                        numbers.get(last - 1).floatValue() / numbers.get(last).floatValue();
                numbers.subList(last - 1, last + 1).clear();
                numbers.add(quotient);
                continue;
            }
            if (code == SEAC && numbers.size() >= 5) {
                parts.add(part(numbers.get(3)));
                parts.add(part(numbers.get(4)));
            }
            numbers.clear();
        }
        return parts;
    }

    private String part(Number code) {
        String name = StandardEncoding.INSTANCE.getName(code.intValue());
        return name != null && font.getCharStringsDict().containsKey(name) ? name : ".notdef";
    }

    /** One glyph's parse: Type1CharStringParser.parse, its calls and its calls of other subroutines. */
    private final class Parse {
        private final Sequence sequence;

        Parse(Sequence sequence) {
            this.sequence = sequence;
        }

        void parse(byte[] bytes, int depth) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            while (in.hasRemaining()) {
                sequence.step(depth);
                int b0 = in.get() & 0xFF;
                if (b0 == CALLSUBR) {
                    call(depth);
                } else if (b0 == ESCAPE
                        && in.hasRemaining()
                        && (in.get(in.position()) & 0xFF) == (CALLOTHERSUBR & 0xFF)) {
                    in.get();
                    callOther(in, depth);
                } else if (b0 <= 31) {
                    sequence.items.add(new Command(b0 == ESCAPE ? ESCAPE << 8 | (in.get() & 0xFF) : b0));
                } else {
                    sequence.items.add(number(b0, in));
                }
            }
        }

        /** A call of a subroutine out of range drops the numbers before it; one not a number is ignored. */
        private void call(int depth) {
            if (!(sequence.removeLast() instanceof Integer subroutine)) {
                return;
            }
            if (subroutine >= 0 && subroutine < subroutines.size()) {
                parse(subroutines.get(subroutine), depth + 1); // one declared but missing fails the glyph
                if (sequence.last() instanceof Command command && command.code() == RETURN) {
                    sequence.removeLast();
                }
            } else {
                while (!sequence.items.isEmpty() && sequence.last() instanceof Integer) {
                    sequence.removeLast();
                }
            }
        }

        /** Other subroutines 0, 1 and 3 have their own meaning; the rest hand their arguments back to "pop". */
        private void callOther(ByteBuffer in, int depth) {
            int other = (Integer) sequence.removeLast();
            int arguments = (Integer) sequence.removeLast();
            Deque<Integer> results = new ArrayDeque<>();
            switch (other) {
                case 0 -> {
                    results.push(removeInteger());
                    results.push(removeInteger());
                    sequence.removeLast();
                    sequence.items.add(0);
                    sequence.items.add(new Command(CALLOTHERSUBR));
                }
                case 1 -> {
                    sequence.items.add(1);
                    sequence.items.add(new Command(CALLOTHERSUBR));
                }
                case 3 -> results.push(removeInteger());
                default -> {
                    for (int i = 0; i < arguments; i++) {
                        sequence.step(depth);
                        results.push(removeInteger());
                    }
                }
            }
            while (in.remaining() >= 2
                    && (in.get(in.position()) & 0xFF) == ESCAPE
                    && (in.get(in.position() + 1) & 0xFF) == POP) {
                in.position(in.position() + 2);
                sequence.items.add(results.pop());
            }
        }

        private Integer removeInteger() {
            Object item = sequence.removeLast();
            if (item instanceof Integer integer) {
                return integer;
            }
            if (((Command) item).code() == DIV) {
                int a = (Integer) sequence.removeLast();
                int b = (Integer) sequence.removeLast();
                return b / a;
            }
            throw new IllegalStateException("a command where FontBox expects a number");
        }

        private static Integer number(int b0, ByteBuffer in) {
            if (b0 <= 246) {
                return b0 - 139;
            } else if (b0 <= 250) {
                return (b0 - 247) * 256 + (in.get() & 0xFF) + 108;
            } else if (b0 <= 254) {
                return -(b0 - 251) * 256 - (in.get() & 0xFF) - 108;
            }
            return in.getInt();
        }
    }
}
