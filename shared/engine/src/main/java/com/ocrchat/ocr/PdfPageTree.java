package com.ocrchat.ocr;

import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.UnsupportedDocument;
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
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A PDF's pages counted by walking its page tree ourselves, each node once: a tree that loops is a corrupt
 * file, not an endless one; the walk stops at the page cap; and a tree whose /Count says otherwise than its
 * pages is refused, since PDFBox finds page N by those counts.
 */
final class PdfPageTree {
    private static final int MAX_DEPTH = 64;

    private PdfPageTree() {}

    static int count(PDDocument pdf, int maxPages) {
        COSDictionary root = pdf.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
        if (root == null) {
            throw corrupt("it has no page tree");
        }
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<COSDictionary, Integer> depth = new IdentityHashMap<>();
        Deque<COSDictionary> nodes = new ArrayDeque<>();
        nodes.push(root);
        depth.put(root, 0);
        int pages = 0;
        while (!nodes.isEmpty()) {
            COSDictionary node = nodes.pop();
            if (!seen.add(node)) {
                throw corrupt("its page tree loops back on itself");
            }
            COSArray kids = node.getCOSArray(COSName.KIDS);
            if (kids == null || COSName.PAGE.equals(node.getCOSName(COSName.TYPE))) {
                if (++pages > maxPages) {
                    throw new LimitExceeded(
                            "The PDF has more than " + maxPages + " pages, more than this server reads in one file",
                            Map.of("max_pages", maxPages));
                }
                continue;
            }
            if (depth.get(node) >= MAX_DEPTH) {
                throw corrupt("its page tree is nested too deep");
            }
            for (COSBase kid : kids) {
                COSBase resolved = kid instanceof COSObject object ? object.getObject() : kid;
                if (resolved instanceof COSDictionary child) {
                    depth.put(child, depth.get(node) + 1);
                    nodes.push(child);
                }
            }
        }
        if (pages != pdf.getNumberOfPages()) {
            throw corrupt("its page tree counts " + pdf.getNumberOfPages() + " pages but holds " + pages);
        }
        return pages;
    }

    private static UnsupportedDocument corrupt(String why) {
        return new UnsupportedDocument("The PDF is corrupt or truncated and cannot be read (" + why + ")");
    }
}
