package com.ocrchat.ocr;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.UnsupportedDocument;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A PDF's pages found by walking its page tree ourselves, each node once: a tree that loops is a corrupt file, not an
 * endless one, and the walk stops at the page cap. PDFBox finds page N by the tree's /Count entries; where they say
 * otherwise than the pages the tree holds (a page counted wrong, a page listed twice, as some producers write and
 * other readers accept), the tree is made flat: the pages as walked, each with what it inherited.
 */
final class PdfPageTree {
    private static final int MAX_DEPTH = 64;
    private static final List<COSName> INHERITED =
            List.of(COSName.RESOURCES, COSName.MEDIA_BOX, COSName.CROP_BOX, COSName.ROTATE);

    private PdfPageTree() {}

    /** How many pages the file holds; its page tree made flat first if PDFBox would not find them by its counts. */
    static int count(PDDocument pdf, int maxPages) {
        COSDictionary root = pdf.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
        if (root == null) {
            throw corrupt("it has no page tree");
        }
        Map<COSDictionary, COSDictionary> parents = new IdentityHashMap<>();
        List<COSDictionary> pages = pages(root, parents, maxPages);
        if (!foundByCounts(pdf, pages)) {
            flatten(root, pages, parents);
        }
        return pages.size();
    }

    /** The tree's pages in order; {@code parents} gets each node's parent as walked. */
    private static List<COSDictionary> pages(
            COSDictionary root, Map<COSDictionary, COSDictionary> parents, int maxPages) {
        Set<COSDictionary> walked = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<COSDictionary, Integer> depth = new IdentityHashMap<>();
        Deque<COSDictionary> nodes = new ArrayDeque<>();
        List<COSDictionary> pages = new ArrayList<>();
        nodes.push(root);
        depth.put(root, 0);
        while (!nodes.isEmpty()) {
            COSDictionary node = nodes.pop();
            COSArray kids = node.getCOSArray(COSName.KIDS);
            if (kids == null || COSName.PAGE.equals(node.getCOSName(COSName.TYPE))) {
                pages.add(node); // a page listed twice is shown twice
                if (pages.size() > maxPages) {
                    throw new LimitExceeded(
                            "The PDF has more than " + maxPages + " pages, more than this server reads in one file",
                            Map.of("max_pages", maxPages));
                }
                continue;
            }
            if (!walked.add(node)) {
                throw corrupt("its page tree loops back on itself");
            }
            if (depth.get(node) >= MAX_DEPTH) {
                throw corrupt("its page tree is nested too deep");
            }
            for (int index = kids.size() - 1; index >= 0; index--) { // pushed last first, to be walked in order
                COSBase kid = kids.get(index);
                COSBase resolved = kid instanceof COSObject object ? object.getObject() : kid;
                if (resolved instanceof COSDictionary child) {
                    depth.put(child, depth.get(node) + 1);
                    parents.putIfAbsent(child, node);
                    nodes.push(child);
                }
            }
        }
        return pages;
    }

    /** Whether PDFBox's page N, found by the counts, is the walk's page N for every N. */
    private static boolean foundByCounts(PDDocument pdf, List<COSDictionary> pages) {
        try {
            if (pdf.getNumberOfPages() != pages.size()) {
                return false;
            }
            for (int index = 0; index < pages.size(); index++) {
                if (pdf.getPage(index).getCOSObject() != pages.get(index)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false; // PDFBox's search by counts fails on them
        }
    }

    /** The root holds the pages as walked, each given what it inherited from the nodes above it. */
    private static void flatten(
            COSDictionary root, List<COSDictionary> pages, Map<COSDictionary, COSDictionary> parents) {
        for (COSDictionary page : pages) {
            for (COSName key : INHERITED) {
                COSDictionary above = parents.get(page);
                for (int step = 0; !page.containsKey(key) && above != null && step <= MAX_DEPTH; step++) {
                    if (above.containsKey(key)) {
                        page.setItem(key, above.getItem(key));
                    }
                    above = parents.get(above);
                }
            }
        }
        for (COSDictionary page : pages) {
            page.setItem(COSName.PARENT, root);
        }
        root.setItem(COSName.KIDS, new COSArray(pages));
        root.setInt(COSName.COUNT, pages.size());
    }

    private static UnsupportedDocument corrupt(String why) {
        return new UnsupportedDocument("The PDF is corrupt or truncated and cannot be read (" + why + ")");
    }
}
