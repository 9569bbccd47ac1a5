package com.ocrchat.store;

import java.util.Optional;

/**
 * The pages of a job, kept until the job expires for the searchable PDF export: recognized pages as
 * the JPEG images that were recognized (so word boxes line up exactly); pages read from their own
 * text layer as they were, one-page PDFs.
 */
public final class PageImages {
    private final ObjectStore objects;

    public PageImages(ObjectStore objects) {
        this.objects = objects;
    }

    public void putImage(String uuid, int pageIndex, byte[] jpeg) {
        objects.put(BucketLayout.pageImage(uuid, pageIndex), jpeg, "image/jpeg");
    }

    public Optional<byte[]> image(String uuid, int pageIndex) {
        return objects.get(BucketLayout.pageImage(uuid, pageIndex));
    }

    public void putOriginal(String uuid, int pageIndex, byte[] singlePagePdf) {
        objects.put(BucketLayout.pageOriginal(uuid, pageIndex), singlePagePdf, "application/pdf");
    }

    public Optional<byte[]> original(String uuid, int pageIndex) {
        return objects.get(BucketLayout.pageOriginal(uuid, pageIndex));
    }
}
