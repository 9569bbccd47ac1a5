package com.ocrchat.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.common.function.type4.Parser;

/**
 * How deep a calculator function's (type 4) operand stack can grow, bounded from its program without running it.
 * PDFBox's stack has no limit of its own: "1 copy 2 copy 4 copy ..." in 58 tokens filled the heap in one fill, and
 * rolls over a million values took 24 s in one. The program is read with PDFBox's own tokenizer, and must have the
 * shape producers write: one procedure, whose inner procedures are each run at once by {@code if}, or in pairs by
 * {@code ifelse}. Then every token runs at most once, in order, and each operator moves the stack by a known count,
 * except {@code copy}, which adds its operand's count (at most the stack's depth when computed).
 */
final class CalculatorStacks {
    /** PDF's limit on a calculator function's operand stack (ISO 32000-1, Annex C). */
    static final int MOST_DEPTH = 100;

    /** A program not of that shape: its procedures may run more than once, or not where they stand. */
    static final int UNREAD = -1;

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

    /**
     * A program's tokens as PDFBox reads it (PDFunctionType4): comments skipped, braces tokens of their own; at most
     * one past the budget ({@link PageResourceBudget#MOST_TOKENS}).
     */
    static List<String> tokens(COSStream program) throws IOException {
        String text;
        try (InputStream in = program.createInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        List<String> tokens = new ArrayList<>();
        Parser.parse(text, new Parser.AbstractSyntaxHandler() {
            @Override
            public void token(CharSequence token) {
                if (tokens.size() <= PageResourceBudget.MOST_TOKENS) {
                    tokens.add(token.toString());
                }
            }
        });
        return tokens;
    }

    /**
     * What one run of a program costs, in plain tokens' time: "roll" and "copy" move n values (n as written before
     * them, or the deepest stack allowed when computed), at an eighth of a token a value as PDFBox runs them (a program
     * of "97 1 roll" ran 12 times slower than one of "add"); any other token, one.
     */
    static long steps(List<String> tokens) {
        long steps = 0;
        for (int at = 0; at < tokens.size(); at++) {
            String token = tokens.get(at);
            long moved = 0;
            if (token.equals("roll") || token.equals("copy")) {
                int operand = at - (token.equals("roll") ? 2 : 1);
                moved = MOST_DEPTH; // unless written as a number: computed at run time, as deep as a stack may be
                try {
                    moved = operand >= 0 ? Math.min(MOST_DEPTH, Math.abs(Long.parseLong(tokens.get(operand)))) : moved;
                } catch (NumberFormatException computed) {
                    // kept
                }
            }
            steps += 1 + moved / 8;
        }
        return steps;
    }

    /** The deepest a program's stack can be, from its inputs (past {@link #MOST_DEPTH}, at least that), or UNREAD. */
    static int deepest(List<String> tokens, int inputs) {
        if (tokens.size() < 2 || !tokens.get(0).equals("{") || tokens.size() > PageResourceBudget.MOST_TOKENS) {
            return UNREAD;
        }
        Run run = new Run(tokens);
        int deepest = run.procedure(Math.max(0, inputs))[1];
        if (deepest > MOST_DEPTH) {
            return deepest;
        }
        return run.unread || run.at != tokens.size() ? UNREAD : deepest;
    }

    private static final class Run {
        private final List<String> tokens;
        private int at = 1; // past the opening brace
        private boolean unread;

        Run(List<String> tokens) {
            this.tokens = tokens;
        }

        /** Runs a procedure's body through its closing brace from this depth: {its end, its deepest}, at most. */
        int[] procedure(int depth) {
            int deepest = depth;
            Integer literal = null; // the previous token's integer, for copy
            while (!unread && deepest <= MOST_DEPTH) {
                if (at >= tokens.size()) {
                    unread = true; // no closing brace
                    break;
                }
                String token = tokens.get(at++);
                Integer value = null;
                if (token.equals("}")) {
                    return new int[] {depth, deepest};
                } else if (token.equals("{")) {
                    // The condition is below; each branch runs from here at most, its procedure on the stack meanwhile.
                    int[] first = procedure(depth);
                    int[] second = null;
                    if (first[1] <= MOST_DEPTH
                            && at < tokens.size()
                            && tokens.get(at).equals("{")) {
                        at++;
                        second = procedure(depth);
                    }
                    deepest = Math.max(deepest, Math.max(first[1], second == null ? 0 : second[1]));
                    deepest = Math.max(deepest, depth + (second == null ? 1 : 2));
                    if (deepest > MOST_DEPTH) {
                        break;
                    }
                    String runner = at < tokens.size() ? tokens.get(at++) : "";
                    if (!runner.equals(second == null ? "if" : "ifelse")) {
                        unread = true;
                        break;
                    }
                    depth = Math.max(depth - 1, Math.max(first[0], second == null ? 0 : second[0]));
                } else if (token.equals("if") || token.equals("ifelse")) {
                    unread = true; // a procedure not written before it
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
                } // index, exch and the one-in one-out operators leave the depth as it is; an unknown name stops it
                depth = Math.max(0, depth);
                deepest = Math.max(deepest, depth);
                literal = value;
            }
            return new int[] {depth, deepest};
        }
    }
}
