package com.ocrchat.settings;

import java.time.Duration;

/**
 * How a job is read: files of up to {@code inlinePageLimit} pages inside the request, unless they are
 * not done by {@code inlineDeadline} (under the HTTP API's 30 s); larger ones by the workers, in
 * chunks of {@code chunkPages} pages.
 */
public record JobFlow(int inlinePageLimit, Duration inlineDeadline, int chunkPages) {

    public static JobFlow from(Env env) {
        return new JobFlow(
                env.integer("OCRCHAT_INLINE_PAGE_LIMIT", 5, 0),
                env.seconds("OCRCHAT_INLINE_DEADLINE_SECONDS", 20, 1, 25),
                env.integer("OCRCHAT_CHUNK_PAGES", 5, 1));
    }
}
