package com.ocrchat.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;

/**
 * The sampled and PostScript calculator functions a page's drawing can reach (colour spaces' tint transforms,
 * shadings, transfer functions), checked before PDFBox evaluates them, which it does per pixel or per colour
 * and cannot be stopped in: a sampled function claiming a 40,000-sample square filled the heap from 1 KB, and a
 * calculator function of 100,000 operators drawing one gradient took 34 s. Objects are checked once per document.
 */
final class PdfFunctions {
    /** Operators of one calculator function: the ones PDF writers make have tens, a few hundred at most. */
    static final int MOST_OPERATORS = 2000;

    /** Samples of one sampled function: a four-input colour table of 32 samples a side. */
    static final long MOST_SAMPLES = 1 << 20;

    /** Links that lead out of what a page draws (to the page tree, other pages, actions). */
    private static final Set<COSName> NOT_DRAWN = Set.of(
            COSName.PARENT,
            COSName.P,
            COSName.DEST,
            COSName.A,
            COSName.PA,
            COSName.getPDFName("Popup"),
            COSName.getPDFName("IRT"),
            COSName.KIDS,
            COSName.NEXT,
            COSName.PREV,
            COSName.FIRST,
            COSName.LAST);

    private final Set<COSBase> checked = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<COSBase, String> overBudget = new IdentityHashMap<>();

    /** Why a function this page's resources or annotations reach is over budget, or null when none is. */
    synchronized String overBudget(COSDictionary page) throws IOException {
        Deque<COSBase> toCheck = new ArrayDeque<>();
        push(toCheck, page.getItem(COSName.RESOURCES));
        push(toCheck, page.getItem(COSName.ANNOTS));
        while (!toCheck.isEmpty()) {
            COSBase next = toCheck.pop();
            if (next instanceof COSObject reference) {
                next = reference.getObject();
            }
            if (next == null) {
                continue;
            }
            if (!checked.add(next)) {
                if (overBudget.containsKey(next)) {
                    return overBudget.get(next); // another page reaches it too
                }
                continue;
            }
            if (next instanceof COSStream stream) {
                String why = overBudget(stream);
                if (why != null) {
                    overBudget.put(stream, why);
                    return why;
                }
            }
            if (next instanceof COSDictionary dictionary) {
                for (var entry : dictionary.entrySet()) {
                    if (!NOT_DRAWN.contains(entry.getKey())) {
                        push(toCheck, entry.getValue());
                    }
                }
            } else if (next instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    push(toCheck, array.get(i));
                }
            }
        }
        return null;
    }

    private static void push(Deque<COSBase> toCheck, COSBase item) {
        if (item instanceof COSDictionary || item instanceof COSArray || item instanceof COSObject) {
            toCheck.push(item);
        }
    }

    private static String overBudget(COSStream stream) throws IOException {
        int type = stream.getInt(COSName.FUNCTION_TYPE, -1);
        if (type == 0) {
            long samples = samples(stream);
            return samples > MOST_SAMPLES
                    ? "a sampled function in it claims " + samples + " samples, more than " + MOST_SAMPLES
                    : null;
        }
        if (type == 4) {
            long operators = operators(stream);
            return operators > MOST_OPERATORS
                    ? "a calculator function in it has more than " + MOST_OPERATORS + " operators"
                    : null;
        }
        return null;
    }

    /** The samples a sampled function's table claims: its sizes multiplied, times its outputs. */
    private static long samples(COSStream function) {
        long samples = 1;
        if (function.getDictionaryObject(COSName.SIZE) instanceof COSArray sizes) {
            for (int i = 0; i < sizes.size(); i++) {
                long size = sizes.getObject(i) instanceof COSNumber number ? Math.max(1, number.longValue()) : 1;
                samples = Math.min(Long.MAX_VALUE / 1_000_000_000L, samples * Math.min(size, 1_000_000_000L));
            }
        }
        int outputs = function.getDictionaryObject(COSName.RANGE) instanceof COSArray range ? range.size() / 2 : 1;
        return samples * Math.max(1, Math.min(outputs, 1000));
    }

    /** Tokens of a calculator function's program, counted up to just past the budget. */
    private static long operators(COSStream function) throws IOException {
        long tokens = 0;
        boolean inToken = false;
        try (InputStream program = function.createInputStream()) {
            int c;
            while ((c = program.read()) != -1 && tokens <= MOST_OPERATORS) {
                boolean separator = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
                if (c == '{' || c == '}') {
                    inToken = false;
                } else if (!separator && !inToken) {
                    tokens++;
                    inToken = true;
                } else if (separator) {
                    inToken = false;
                }
            }
        }
        return tokens;
    }
}
