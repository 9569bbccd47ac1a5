package com.ocrchat.job;

import com.ocrchat.json.Json;
import com.ocrchat.observe.Stages;
import com.ocrchat.page.Page;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A job's pages as they are read, one object per page, before the job's result is assembled from them:
 * written by the chunk workers, and by the inline reading for the pages it finished before its deadline,
 * so that the workers do not read (and nobody pays for) those pages twice. Writing a page again overwrites.
 */
public final class PageResults {
    private final ObjectStore objects;

    public PageResults(ObjectStore objects) {
        this.objects = objects;
    }

    public void keep(String uuid, List<Page> pages) {
        for (Page page : pages) {
            Stages.time(
                    Stages.PAGE_STORE,
                    page.index(),
                    () -> objects.put(
                            BucketLayout.pageResult(uuid, page.index()), Json.writeBytes(page), "application/json"));
        }
    }

    public boolean has(String uuid, int index) {
        return objects.size(BucketLayout.pageResult(uuid, index)).isPresent();
    }

    public Optional<Page> find(String uuid, int index) {
        return objects.get(BucketLayout.pageResult(uuid, index)).map(bytes -> Json.read(bytes, Page.class));
    }

    /**
     * Every page of a job whose pages have all been kept, in order; a client error once they hold more words than a
     * job may ({@link JobPages.Tally}), before more of them are read into memory.
     */
    public List<Page> all(String uuid, int pageCount) {
        List<Page> all = new ArrayList<>();
        JobPages.Tally tally = new JobPages.Tally();
        for (int index = 0; index < pageCount; index++) {
            int page = index;
            Page read = find(uuid, page)
                    .orElseThrow(() -> new IllegalStateException("Page " + page + " of job " + uuid + " is missing"));
            tally.add(read);
            all.add(read);
        }
        return all;
    }
}
