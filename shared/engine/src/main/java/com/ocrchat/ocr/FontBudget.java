package com.ocrchat.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;

/**
 * A document's fonts as PDFBox loads them, each CMap and program checked once: the codes they map, and why one is over
 * budget. A program is checked as every parser PDFBox may hand it to reads it, whatever the font says it is: its
 * TrueType parser may read any of a descriptor's three (a CIDFontType2 tries each), its CFF parser a FontFile2 or
 * FontFile3 (PDFBox moves a composite font's program from one to the other by its first bytes), its Type 1 parser a
 * FontFile. A TrueType program may be rewritten here; fonts are loaded only while the document is locked for a page's
 * text layer or drawing (OcrPipeline), as these checks are, so no reader sees it change.
 */
final class FontBudget {
    /** Where a font names an embedded CMap: what it maps to text, and the codes of a composite font. */
    private static final List<COSName> CMAP_KEYS = List.of(COSName.TO_UNICODE, COSName.ENCODING);

    private static final List<COSName> PROGRAM_KEYS =
            List.of(COSName.FONT_FILE, COSName.FONT_FILE2, COSName.FONT_FILE3);

    /** A font's verdict: the codes it maps (an entry of a map each), and why it is over budget, or null. */
    record Verdict(long codes, String overBudget) {
        static final Verdict NOTHING = new Verdict(0, null);
    }

    private final Map<COSStream, Long> cmaps = new IdentityHashMap<>();
    private final Map<COSStream, Verdict> programs = new IdentityHashMap<>();

    /**
     * A font as PDFBox loads it to show text: the codes its CMaps and programs map (a composite font's descendant's
     * too), and why one is over budget.
     */
    synchronized Verdict font(COSDictionary font) throws IOException {
        Verdict programs = programs(font.getCOSDictionary(COSName.FONT_DESC));
        if (programs.overBudget() == null
                && font.getDictionaryObject(COSName.DESCENDANT_FONTS) instanceof COSArray descendants
                && descendants.size() > 0
                && descendants.getObject(0) instanceof COSDictionary descendant) {
            programs = plus(programs, programs(descendant.getCOSDictionary(COSName.FONT_DESC)));
            programs = plus(programs, metrics(descendant));
        }
        programs = plus(programs, metrics(font));
        return new Verdict(mappings(font) + programs.codes(), programs.overBudget());
    }

    /** A font dictionary's widths and names as codes, over budget past one font's CMap limit. */
    static Verdict metrics(COSDictionary font) {
        long widths = widths(font);
        return new Verdict(widths, widths > PdfCMaps.MOST_MAPPINGS ? tooManyWidths() : null);
    }

    /**
     * The CIDs a composite font's descendant gives widths for (/W), each of which PDFBox maps as it loads the font, a
     * range CID by CID in int arithmetic: /W [0 100000000 500] in a 1 KB file filled a 2 GB heap, and a range ending at
     * 2^31 - 1 never ends. Its vertical metrics (/W2) are mapped by the CID too, their ranges kept as ranges.
     */
    static long widths(COSDictionary descendant) {
        COSName subtype = descendant.getCOSName(COSName.SUBTYPE);
        if (subtype != null && SIMPLE.contains(subtype)) { // Set.of refuses to look for null
            return simpleMetrics(descendant);
        }
        if (!COSName.CID_FONT_TYPE0.equals(subtype) && !COSName.CID_FONT_TYPE2.equals(subtype)) {
            return 0; // PDFBox loads no other dictionary as a descendant font
        }
        long cids = 0;
        if (descendant.getDictionaryObject(COSName.W) instanceof COSArray w) {
            for (int i = 0; i < w.size() - 1; ) { // step by step as PDFBox's readWidths
                if (!(w.getObject(i++) instanceof COSNumber first)) {
                    continue;
                }
                COSBase next = w.getObject(i++);
                if (next instanceof COSArray listed) {
                    cids += listed.size();
                    continue;
                }
                if (i >= w.size()) {
                    break;
                }
                COSBase width = w.getObject(i++); // taken whether or not the range is good
                if (next instanceof COSNumber last && width instanceof COSNumber) {
                    cids += Math.max(0, (long) last.intValue() - first.intValue() + 1);
                }
            }
        }
        if (descendant.getDictionaryObject(COSName.W2) instanceof COSArray w2) {
            for (int i = 0; i < w2.size(); i++) {
                if (w2.getObject(i) instanceof COSArray listed) {
                    cids += listed.size() / 3;
                }
            }
        }
        return cids;
    }

    private static final java.util.Set<COSName> SIMPLE =
            java.util.Set.of(COSName.TYPE1, COSName.MM_TYPE1, COSName.TRUE_TYPE, COSName.TYPE3);

    /**
     * A simple font's /Widths and the names of its encoding's /Differences, each of which PDFBox maps for the font as
     * it loads it, however many (a simple font has 256 codes): eight fonts sharing one array of 2.6 million names,
     * 8 KB deflated, filled a 2 GB heap.
     */
    private static long simpleMetrics(COSDictionary font) {
        long entries = font.getDictionaryObject(COSName.WIDTHS) instanceof COSArray widths ? widths.size() : 0;
        if (font.getDictionaryObject(COSName.ENCODING) instanceof COSDictionary encoding
                && encoding.getDictionaryObject(COSName.DIFFERENCES) instanceof COSArray differences) {
            entries += differences.size();
        }
        return entries;
    }

    private static String tooManyWidths() {
        return "a font in it gives widths or names for more than " + PdfCMaps.MOST_MAPPINGS + " codes";
    }

    /** The codes PDFBox maps parsing a font's embedded CMaps, each counted up to just past its own budget. */
    synchronized long mappings(COSDictionary font) throws IOException {
        long mappings = 0;
        for (COSName key : CMAP_KEYS) {
            if (font.getDictionaryObject(key) instanceof COSStream cmap) {
                Long counted = cmaps.get(cmap);
                if (counted == null) {
                    counted = PdfCMaps.mappings(cmap);
                    cmaps.put(cmap, counted);
                }
                mappings += counted;
            }
        }
        return mappings;
    }

    /** A font descriptor's programs (none for null or another dictionary), each checked once for the document. */
    synchronized Verdict programs(COSDictionary descriptor) throws IOException {
        Verdict checked = Verdict.NOTHING;
        if (descriptor == null) {
            return checked;
        }
        for (COSName key : PROGRAM_KEYS) {
            if (checked.overBudget() == null && descriptor.getDictionaryObject(key) instanceof COSStream program) {
                Verdict known = programs.get(program);
                if (known == null) {
                    known = check(program, key);
                    programs.put(program, known);
                }
                checked = plus(checked, known);
            }
        }
        return checked;
    }

    /** A program checked by each parser that may read it; FontBox recursing past a thread's stack refuses it too. */
    private static Verdict check(COSStream program, COSName key) throws IOException {
        try {
            TrueTypePrograms.Checked trueType = TrueTypePrograms.check(program, bytes(program));
            if (trueType.overBudget() != null) {
                return new Verdict(trueType.codes(), trueType.overBudget());
            }
            byte[] bytes = trueType.program();
            int version = bytes.length >= 4 ? ByteBuffer.wrap(bytes).getInt(0) : 0;
            // CFFParser refuses TrueType's versions; an OpenType CFF font may reach it under any key, through OTFParser
            boolean cff = version == 0x4F54544F
                    || !COSName.FONT_FILE.equals(key) && version != 0x00010000 && version != 0x74727565;
            String why = cff ? CffPrograms.overBudget(bytes) : null;
            if (why == null && COSName.FONT_FILE.equals(key)) {
                why = Type1Programs.overBudget(program, bytes);
            }
            return new Verdict(trueType.codes(), why);
        } catch (StackOverflowError deep) {
            return new Verdict(0, "an embedded font in it nests deeper than its reader can follow");
        } catch (IOException undecodable) {
            return Verdict.NOTHING; // PDFBox fails to read it too, and draws with a substitute (a budget still counts)
        }
    }

    private static Verdict plus(Verdict first, Verdict then) {
        return new Verdict(
                first.codes() + then.codes(), first.overBudget() != null ? first.overBudget() : then.overBudget());
    }

    /**
     * A program's bytes, decoded on a budget of their own: held only while they are checked, they are not what the
     * page decodes (PDFBox decodes them again, on the page's budget, if the page uses the font).
     */
    private static byte[] bytes(COSStream program) throws IOException {
        return new DecodeBudget(DecodeBudget.current().bytes()).apply(() -> {
            try (InputStream in = program.createInputStream()) {
                return in.readAllBytes();
            }
        });
    }
}
