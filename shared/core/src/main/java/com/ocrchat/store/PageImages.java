package com.ocrchat.store;

import java.util.Optional;

/**
 * The pages of a job, kept until the job expires for the searchable PDF export and the job page: recognized pages
 * as the images that were recognized (so word boxes line up exactly), a JPEG or, for a bilevel page, a CCITT G4
 * TIFF, or the page's own JPEG where the page is one (it is stretched over the page as read); pages read from their
 * own text layer as they were, one-page PDFs.
 */
public final class PageImages {
    private final ObjectStore objects;

    public PageImages(ObjectStore objects) {
        this.objects = objects;
    }

    public void putImage(String uuid, int pageIndex, byte[] image) {
        objects.put(BucketLayout.pageImage(uuid, pageIndex), image, mediaType(image));
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

    /** A kept page image's type, from its first bytes: a TIFF (a bilevel page) or else a JPEG. */
    public static String mediaType(byte[] image) {
        boolean tiff = image.length > 4
                && ((image[0] == 'I' && image[1] == 'I' && image[2] == 42 && image[3] == 0)
                        || (image[0] == 'M' && image[1] == 'M' && image[2] == 0 && image[3] == 42));
        return tiff ? "image/tiff" : "image/jpeg";
    }
}
