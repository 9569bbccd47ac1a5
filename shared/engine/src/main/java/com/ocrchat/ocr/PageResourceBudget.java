package com.ocrchat.ocr;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.function.PDFunction;
import org.apache.pdfbox.pdmodel.common.function.PDFunctionType3;

/**
 * What a page's drawing and text can reach that PDFBox expands with no way to stop it, checked before it does: the
 * sampled and PostScript calculator functions of colour spaces' tint transforms, shadings and transfer functions,
 * which it runs per pixel or per colour (a sampled function claiming a 40,000-sample square filled the heap from 1
 * KB, and a calculator function of 100,000 operators drawing one gradient took 34 s), and fonts: their CMaps, whose
 * ranges it expands code by code ({@link PdfCMaps}), and their programs, whose tables and glyphs it expands without
 * limit ({@link FontBudget}). What passed is not checked again.
 */
final class PageResourceBudget {
    /** Tokens of one calculator function, braces included: the ones PDF writers make have tens, a few hundred. */
    static final int MOST_TOKENS = 2000;

    /** Programs' steps, by stream (PDFBox's objects are equal only to themselves), while their file is open. */
    private static final Map<COSStream, Integer> STEPS = Collections.synchronizedMap(new WeakHashMap<>());

    /** Values in one sampled function's table (samples times outputs): a four-input CMYK table of 32 a side. */
    static final long MOST_VALUES = 1 << 22;

    /** Inputs of one sampled function: each call interpolates between 2^inputs samples. CMYK has four. */
    static final int MOST_INPUTS = 8;

    /** Codes the CMaps of one page's fonts map together: PDFBox parses each font's own, shared or not. */
    static final long MOST_MAPPINGS_A_PAGE = 4 * PdfCMaps.MOST_MAPPINGS;

    /** Links of a page or an annotation that lead out of what a page draws (to the page tree, other pages, actions). */
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

    /** The fonts' CMaps and programs, each checked once for the document. */
    private final FontBudget fonts = new FontBudget();

    /** Objects every function and CMap under which passed: a page that reaches one over budget never adds any. */
    private final Set<COSBase> passed = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Content streams (a page's parts as one array) whose operands were counted and found within budget. */
    private final Set<COSBase> operandsWithin = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * The document's form resources, whose fonts PDFBox loads when it makes an annotation's missing appearance (it
     * fixes up the whole form then), or null.
     */
    private final COSBase formResources;

    PageResourceBudget(PDDocument document) {
        COSBase form = document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.ACRO_FORM);
        this.formResources = form instanceof COSDictionary acroForm ? acroForm.getItem(COSName.DR) : null;
    }

    /**
     * A font as PDFBox loads it to show text ({@link FontBudget#font}): PDFBox holds every font a page shows text in
     * until the page is done, so a page's {@link OperatorBudget} adds their codes up as the page selects them.
     */
    FontBudget.Verdict font(COSDictionary font) throws IOException {
        return fonts.font(font);
    }

    /**
     * Why what this page's resources (its own or inherited), annotations or form resources reach is over budget; the
     * page's clock runs through the checks (its fonts' can take seconds), and stops them as it stops the page.
     */
    synchronized String overBudget(PDPage page, OperatorBudget clock) throws IOException {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> toCheck = new ArrayDeque<>();
        if (page.getResources() != null) {
            push(toCheck, page.getResources().getCOSObject());
        }
        push(toCheck, formResources);
        // Only a page's and its annotations' links lead away from what it draws; a resource may be named anything.
        Set<COSBase> linking = Collections.newSetFromMap(new IdentityHashMap<>());
        linking.add(page.getCOSObject());
        if (page.getCOSObject().getDictionaryObject(COSName.ANNOTS) instanceof COSArray annotations) {
            for (int i = 0; i < annotations.size(); i++) {
                COSBase annotation = annotations.getObject(i);
                if (annotation != null) {
                    linking.add(annotation);
                    push(toCheck, annotation);
                }
            }
        }
        String contents =
                OperandPiles.overBudget(page.getCOSObject().getDictionaryObject(COSName.CONTENTS), operandsWithin);
        if (contents != null) {
            return contents;
        }
        long mappings = 0;
        while (!toCheck.isEmpty()) {
            COSBase next = toCheck.pop();
            if (next instanceof COSObject reference) {
                next = reference.getObject();
            }
            if (next == null || passed.contains(next) || !seen.add(next)) {
                continue;
            }
            if (next instanceof COSDictionary dictionary) {
                clock.checkClock();
                long fontMappings = fonts.mappings(dictionary);
                FontBudget.Verdict program = fonts.programs(dictionary);
                FontBudget.Verdict metrics = FontBudget.metrics(dictionary);
                mappings += fontMappings + program.codes() + metrics.codes();
                String why = fontMappings > PdfCMaps.MOST_MAPPINGS
                        ? "a CMap of a font in it maps more than " + PdfCMaps.MOST_MAPPINGS + " codes"
                        : metrics.overBudget() != null
                                ? metrics.overBudget()
                                : program.overBudget() != null
                                        ? program.overBudget()
                                        : mappings > MOST_MAPPINGS_A_PAGE
                                                ? "the CMaps of its fonts, with their programs' cmaps and widths, map more than "
                                                        + MOST_MAPPINGS_A_PAGE + " codes"
                                                : functionOverBudget(dictionary);
                if (why == null && (OperandPiles.isDrawn(dictionary) || dictionary.containsKey(COSName.CHAR_PROCS))) {
                    why = OperandPiles.overBudget(
                            OperandPiles.isDrawn(dictionary)
                                    ? dictionary
                                    : dictionary.getDictionaryObject(COSName.CHAR_PROCS),
                            operandsWithin);
                }
                if (why != null) {
                    return why;
                }
                boolean links = linking.contains(dictionary);
                for (var entry : dictionary.entrySet()) {
                    if (!links || !NOT_DRAWN.contains(entry.getKey())) {
                        push(toCheck, entry.getValue());
                    }
                }
            } else if (next instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    push(toCheck, array.get(i));
                }
            }
        }
        passed.addAll(seen);
        return null;
    }

    private static void push(Deque<COSBase> toCheck, COSBase item) {
        if (item instanceof COSDictionary || item instanceof COSArray || item instanceof COSObject) {
            toCheck.push(item);
        }
    }

    /**
     * A sampled function is checked as a dictionary too: PDFBox allocates the table its sizes claim before it finds
     * that there is no stream to fill it from (a fuzzed file whose {@code stream} keyword was broken).
     */
    private static String functionOverBudget(COSDictionary function) throws IOException {
        int type = function.getInt(COSName.FUNCTION_TYPE, -1);
        if (type == 0) {
            int inputs =
                    function.getDictionaryObject(COSName.DOMAIN) instanceof COSArray domain ? domain.size() / 2 : 1;
            if (inputs > MOST_INPUTS) {
                return "a sampled function in it has " + inputs + " inputs, more than " + MOST_INPUTS;
            }
            long values = values(function);
            return values > MOST_VALUES
                    ? "a sampled function in it claims " + values + " values, more than " + MOST_VALUES
                    : null;
        }
        if (type == 4 && function instanceof COSStream program) {
            List<String> tokens = CalculatorStacks.tokens(program);
            if (tokens.size() > MOST_TOKENS) {
                return "a calculator function in it has more than " + MOST_TOKENS + " tokens";
            }
            int inputs =
                    function.getDictionaryObject(COSName.DOMAIN) instanceof COSArray domain ? domain.size() / 2 : 1;
            int deepest = CalculatorStacks.deepest(tokens, inputs);
            if (deepest == CalculatorStacks.UNREAD) {
                return "a calculator function in it is not one procedure whose branches run by if and ifelse";
            }
            if (deepest > CalculatorStacks.MOST_DEPTH) {
                return "a calculator function in it would hold more than " + CalculatorStacks.MOST_DEPTH
                        + " values on its stack";
            }
        }
        return null;
    }

    /**
     * The values of the table PDFBox allocates for a sampled function: the sizes of its inputs multiplied in PDFBox's
     * int arithmetic, overflow and missing sizes (-1) included (a negative count it refuses), times its outputs.
     */
    private static long values(COSDictionary function) {
        COSArray sizes = function.getCOSArray(COSName.SIZE);
        COSArray domain = function.getCOSArray(COSName.DOMAIN);
        if (sizes == null || domain == null) {
            return 0; // PDFBox fails before it allocates
        }
        int samples = 1;
        for (int i = 0; i < domain.size() / 2; i++) {
            samples *= sizes.getInt(i);
        }
        COSArray range = function.getCOSArray(COSName.RANGE);
        int outputs = range != null ? range.size() / 2 : 0;
        return (long) Math.max(samples, 0) * Math.max(1, outputs);
    }

    /**
     * What a run of a calculator function's program costs, in tokens' time ({@link CalculatorStacks#steps}; 0 for any
     * other function), read up to just past the budget's tokens; once a program, since an image in inks may be drawn
     * thousands of times with the same transform.
     */
    static long steps(PDFunction function) throws IOException {
        return steps(function, 0);
    }

    /** A stitching function (type 3) runs one of its functions a value: counted as the costliest, a few levels deep. */
    private static long steps(PDFunction function, int level) throws IOException {
        if (function instanceof PDFunctionType3 stitching
                && stitching.getCOSObject().getDictionaryObject(COSName.FUNCTIONS) instanceof COSArray parts) {
            if (level >= 4) {
                return Integer.MAX_VALUE; // deeper than any producer nests them
            }
            long costliest = 0;
            for (int index = 0; index < parts.size(); index++) {
                costliest = Math.max(costliest, steps(PDFunction.create(parts.getObject(index)), level + 1));
            }
            return costliest;
        }
        if (function == null
                || function.getFunctionType() != 4
                || !(function.getCOSObject() instanceof COSStream program)) {
            return 0;
        }
        Integer counted = STEPS.get(program);
        if (counted == null) {
            counted = (int) Math.min(Integer.MAX_VALUE, CalculatorStacks.steps(CalculatorStacks.tokens(program)));
            STEPS.put(program, counted);
        }
        return counted;
    }
}
