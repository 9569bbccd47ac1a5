package com.ocrchat.ocr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The glyphs of a Type 1 or CFF font, each expanded once as FontBox expands it to draw it, on budgets. FontBox's
 * charstring parsers follow subroutine calls with no limit on their depth or number, and draw an accented glyph
 * (seac) from two others: one subroutine calling itself ran a thread out of stack from 1 KB, and thirty calling the
 * next twice filled a 2 GB heap in ten seconds. A glyph drawn from itself, through its parts, is over budget too.
 *
 * @param <K> what names a glyph: a glyph id, or a name
 */
abstract class GlyphExpansions<K> {
    /** Subroutine calls nested in one glyph: the Type 2 format allows 10, and fonts keep to it. */
    static final int MOST_DEPTH = 10;

    /** Numbers and operators of one glyph, with its subroutines and accented parts expanded. */
    static final int MOST_GLYPH_TOKENS = 1 << 16;

    /** Bytes read expanding all the glyphs of one font: a whole CJK font of 65,535 glyphs took 29 million. */
    static final long MOST_STEPS = 1L << 26;

    /** Marks a glyph being expanded: met again inside itself, it is drawn from itself. */
    private static final int BEING_EXPANDED = -1;

    private final Map<K, Integer> expanded = new HashMap<>();
    private long steps;

    /** Why one of these glyphs is over budget, or null. */
    String overBudget(Iterable<K> glyphs) {
        try {
            for (K glyph : glyphs) {
                expanded(glyph);
            }
            return null;
        } catch (FontOverBudget over) {
            return over.getMessage();
        }
    }

    /** Parses a glyph's charstring into the sequence, as FontBox does, calling {@link Sequence#step} for each byte. */
    abstract void parse(K glyph, Sequence sequence);

    /** The glyphs an accented glyph's sequence draws besides itself, as names of this font. */
    abstract List<K> parts(List<Object> sequence);

    /** A glyph's tokens with its parts; throws {@link FontOverBudget} past a budget. */
    final int expanded(K glyph) {
        Integer known = expanded.get(glyph);
        if (known != null && known == BEING_EXPANDED) {
            throw new FontOverBudget("a glyph of an embedded font in it is drawn from itself");
        }
        if (known != null) {
            return known;
        }
        expanded.put(glyph, BEING_EXPANDED);
        Sequence sequence = new Sequence(MOST_STEPS - steps);
        boolean parsed = false;
        try {
            parse(glyph, sequence);
            parsed = true;
        } catch (FontOverBudget over) {
            throw over;
        } catch (RuntimeException failed) {
            // FontBox fails this glyph here too, and draws nothing more of it
        } finally {
            steps += sequence.steps; // before its parts are expanded, on what is left
        }
        long tokens = sequence.items.size();
        for (K part : parsed ? parts(sequence.items) : List.<K>of()) {
            tokens += expanded(part);
        }
        if (tokens > MOST_GLYPH_TOKENS) {
            throw new FontOverBudget("a glyph of an embedded font in it expands to more than " + MOST_GLYPH_TOKENS
                    + " operators, with its subroutines and accented parts");
        }
        expanded.put(glyph, (int) tokens);
        return (int) tokens;
    }

    /** An operator in a sequence, apart from the numbers. */
    record Command(int code) {}

    /** One glyph's expansion: FontBox's flat sequence of numbers and commands, from which a call takes its number. */
    static final class Sequence {
        final List<Object> items = new ArrayList<>();
        private final long mostSteps;
        private long steps;

        Sequence(long mostSteps) {
            this.mostSteps = mostSteps;
        }

        /** Counts one step of the parse at this depth of calls; throws once a budget is passed. */
        void step(int depth) {
            if (++steps > mostSteps) {
                throw new FontOverBudget(
                        "the glyphs of an embedded font in it take more than " + MOST_STEPS + " steps to expand");
            }
            if (items.size() > MOST_GLYPH_TOKENS) {
                throw new FontOverBudget(
                        "a glyph of an embedded font in it expands to more than " + MOST_GLYPH_TOKENS + " operators");
            }
            if (depth > MOST_DEPTH) {
                throw new FontOverBudget(
                        "a glyph of an embedded font in it calls subroutines more than " + MOST_DEPTH + " deep");
            }
        }

        Object removeLast() {
            return items.remove(items.size() - 1);
        }

        Object last() {
            return items.get(items.size() - 1);
        }

        /** How many numbers end the sequence. */
        int trailingNumbers() {
            int count = 0;
            for (int i = items.size() - 1; i >= 0 && items.get(i) instanceof Number; i--) {
                count++;
            }
            return count;
        }

        /** The numbers between an operator at this index and the one before it. */
        List<Object> numbersBefore(int index) {
            int first = index;
            while (first > 0 && items.get(first - 1) instanceof Number) {
                first--;
            }
            return items.subList(first, index);
        }
    }
}
