package com.ocrchat.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSStream;

/**
 * How deep a calculator function's (type 4) operand stack can grow, bounded from its program without running it: the
 * functions have no loops, and every operator moves the stack by a known count, except {@code copy}, which adds its
 * operand's count (at most the stack's depth when computed). PDFBox's stack has no limit of its own: "1 copy 2 copy 4
 * copy ..." in 58 tokens filled the heap in one fill, and rolls over a million values took 24 s in one.
 */
final class CalculatorStacks {
    /** PDF's limit on a calculator function's operand stack (ISO 32000-1, Annex C). */
    static final int MOST_DEPTH = 100;

    private static final Set<String> PUSH_ONE = Set.of("dup", "true", "false");
    private static final Set<String> POP_ONE = Set.of(
            "add",
            "sub",
            "mul",
            "div",
            "idiv",
            "mod",
            "atan",
            "exp",
            "and",
            "or",
            "xor",
            "bitshift",
            "eq",
            "ne",
            "gt",
            "ge",
            "lt",
            "le",
            "pop");

    private CalculatorStacks() {}

    /** The deepest the program's stack can be, from its inputs; more than {@link #MOST_DEPTH} stops counting. */
    static int deepest(COSStream program, int inputs) throws IOException {
        List<String> tokens = tokens(program);
        int start = tokens.indexOf("{");
        if (start < 0) {
            return inputs;
        }
        Run run = new Run(tokens);
        run.at = start + 1;
        int[] depths = run.block(inputs);
        return depths[1];
    }

    private static final class Run {
        private final List<String> tokens;
        private int at;

        Run(List<String> tokens) {
            this.tokens = tokens;
        }

        /** Runs a block up to its closing brace from this depth: {its depth at the end, its deepest}, both at most. */
        int[] block(int depth) {
            int deepest = depth;
            Integer literal = null; // the previous token's integer, for copy
            List<int[]> pending = new ArrayList<>(); // what the blocks pushed for if or ifelse leave on the stack
            while (at < tokens.size() && deepest <= MOST_DEPTH) {
                String token = tokens.get(at++);
                Integer value = null;
                if (token.equals("}")) {
                    break;
                } else if (token.equals("{")) {
                    int[] inner = block(depth);
                    pending.add(new int[] {inner[0] - depth});
                    deepest = Math.max(deepest, inner[1]);
                    continue;
                } else if (token.equals("if") || token.equals("ifelse")) {
                    int end = depth - 1; // the condition
                    for (int[] branch : pending) {
                        end = Math.max(end, depth - 1 + branch[0]);
                    }
                    pending.clear();
                    depth = Math.max(0, end);
                } else if (token.equals("copy")) {
                    depth = literal != null ? depth - 1 + Math.max(0, literal) : 2 * Math.max(0, depth - 1);
                } else if (token.equals("roll")) {
                    depth -= 2;
                } else if (PUSH_ONE.contains(token)) {
                    depth++;
                } else if (POP_ONE.contains(token)) {
                    depth--;
                } else if (Character.isDigit(token.charAt(0)) || "+-.".indexOf(token.charAt(0)) >= 0) {
                    depth++;
                    try {
                        value = Integer.valueOf(token);
                    } catch (NumberFormatException real) {
                        value = null;
                    }
                } // index, exch and the one-in one-out operators leave the depth as it is
                depth = Math.max(0, depth);
                deepest = Math.max(deepest, depth);
                literal = value;
            }
            return new int[] {depth, deepest};
        }
    }

    /** The program's tokens, braces on their own, up to just past the token budget. */
    private static List<String> tokens(COSStream program) throws IOException {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        try (InputStream in = program.createInputStream()) {
            int c;
            while ((c = in.read()) != -1 && tokens.size() <= PageResourceBudget.MOST_TOKENS) {
                if (c == '{' || c == '}' || Character.isWhitespace(c) || c == 0) {
                    if (token.length() > 0) {
                        tokens.add(token.toString());
                        token.setLength(0);
                    }
                    if (c == '{' || c == '}') {
                        tokens.add(String.valueOf((char) c));
                    }
                } else if (token.length() < 64) {
                    token.append((char) c);
                }
            }
        }
        if (token.length() > 0) {
            tokens.add(token.toString());
        }
        return tokens;
    }
}
