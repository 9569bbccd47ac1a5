package com.ocrchat.job;

import com.ocrchat.json.Json;
import com.ocrchat.page.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A job view made to fit one API response. Lambda refuses a response over 6 MB, and API Gateway then answers 500: a
 * dense 20-page result is that large. A larger view leaves out, step by step, its pages' blocks, then its pages' text
 * and Markdown, then its own text, Markdown and translation, each time with a warning naming the download that has
 * them whole.
 */
final class ResponseFit {
    /** What a response may carry, counted as Lambda carries it, with room for its headers. */
    static final long MOST_RESPONSE_BYTES = 5_000_000;

    private ResponseFit() {}

    static JobView of(JobView view) {
        if (fits(view)) {
            return view;
        }
        JobView withoutBlocks = trimmed(
                view,
                page -> new Page(
                        page.index(),
                        page.width(),
                        page.height(),
                        page.text(),
                        List.of(),
                        List.of(),
                        page.markdown(),
                        page.warnings(),
                        page.translation()),
                false,
                "its pages' blocks and tables");
        if (fits(withoutBlocks)) {
            return withoutBlocks;
        }
        UnaryOperator<Page> bare = page -> new Page(
                page.index(), page.width(), page.height(), "", List.of(), List.of(), null, page.warnings(), null);
        JobView withoutPages = trimmed(view, bare, false, "its pages' blocks, tables, text and Markdown");
        return fits(withoutPages) ? withoutPages : trimmed(view, bare, true, "its text, Markdown and pages' contents");
    }

    private static JobView trimmed(JobView view, UnaryOperator<Page> page, boolean withoutText, String leftOut) {
        List<String> warnings = new ArrayList<>(view.warnings());
        warnings.add("The result is larger than one response carries, so " + leftOut + " are left out here;"
                + " GET /api/v1/ocr/" + view.uuid() + "/download/?format=json has it whole (txt and md too)");
        return new JobView(
                view.uuid(),
                view.status(),
                view.tier(),
                view.requestedTier(),
                view.language(),
                view.detectedLanguage(),
                view.tool(),
                view.filename(),
                view.pageCount(),
                view.pagesDone(),
                view.meanConfidence(),
                view.creditsCharged(),
                view.createdAt(),
                view.completedAt(),
                view.expiresAt(),
                withoutText ? "" : view.text(),
                withoutText ? "" : view.markdown(),
                withoutText ? null : view.translation(),
                view.pages().stream().map(page).toList(),
                warnings,
                view.error(),
                view.callbackUrl());
    }

    /**
     * Whether the view's JSON fits, counted as the Lambda response carries it: a string inside JSON, where a quote or
     * backslash takes two bytes and, at worst, any character outside printable ASCII six ("\\u00e9").
     */
    static boolean fits(JobView view) {
        String json = Json.write(view);
        if (json.length() > MOST_RESPONSE_BYTES) {
            return false;
        }
        long bytes = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            bytes += c == '"' || c == '\\' ? 2 : c < 0x20 || c > 0x7E ? 6 : 1;
        }
        return bytes <= MOST_RESPONSE_BYTES;
    }
}
