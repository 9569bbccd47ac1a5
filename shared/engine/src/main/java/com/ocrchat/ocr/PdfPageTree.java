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
 * endless one, and the walk stops at the page cap. The tree is then made flat, the pages as walked and each with what
 * it inherited: PDFBox finds page N by the tree's /Count entries, which may lie (a page counted wrong, a page listed
 * twice, as some producers write and other readers accept), and walks every kid of every node on the way, which a
 * node of a million junk kids makes minutes.
 */
final class PdfPageTree {
    private static final int MAX_DEPTH = 64;
    private static final List<COSName> INHERITED =
            List.of(COSName.RESOURCES, COSName.MEDIA_BOX, COSName.CROP_BOX, COSName.ROTATE);

    private PdfPageTree() {}

    /** How many pages the file holds; its page tree is made flat. */
    static int count(PDDocument pdf, int maxPages) {
        COSDictionary root = pdf.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
        if (root == null) {
            throw corrupt("it has no page tree");
        }
        Map<COSDictionary, COSDictionary> parents = new IdentityHashMap<>();
        List<COSDictionary> pages = pages(root, parents, maxPages);
        if (pages.stream().anyMatch(page -> page == root)) {
            throw corrupt("its page tree is a page, not a node of pages");
        }
        flatten(root, pages, parents);
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
            // A node of pages as PDFBox tells one: of type Pages, or with kids of any kind (none if not an array).
            if (!COSName.PAGES.equals(node.getCOSName(COSName.TYPE)) && !node.containsKey(COSName.KIDS)) {
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
            COSArray kids = node.getCOSArray(COSName.KIDS);
            for (int index = kids == null ? -1 : kids.size() - 1; index >= 0; index--) { // pushed last first: in order
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
