package com.ocrchat.chat;

import com.ocrchat.conversation.Citation;
import com.ocrchat.page.Page;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Keeps the citations whose page exists and whose snippet occurs in that page's text (whitespace and case aside). */
final class Citations {
    private Citations() {}

    static List<Citation> verified(List<Citation> claimed, List<Page> pages) {
        List<Citation> kept = new ArrayList<>();
        for (Citation citation : new LinkedHashSet<>(claimed)) {
            if (citation == null
                    || citation.snippet() == null
                    || citation.page() < 1
                    || citation.page() > pages.size()) {
                continue;
            }
            String snippet = normalize(citation.snippet());
            if (!snippet.isEmpty()
                    && normalize(pages.get(citation.page() - 1).text()).contains(snippet)) {
                kept.add(citation);
            }
        }
        return kept;
    }

    static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
