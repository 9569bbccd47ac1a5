package com.ocrchat.store;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The pages of a job, kept until the job expires for the searchable PDF export and the job page: recognized pages
 * as the images that were recognized (so word boxes line up exactly), a JPEG or, for a bilevel page, a CCITT G4
 * TIFF; pages read from their own text layer as they were, one-page PDFs.
 */
public final class PageImages {
    private final ObjectStore objects;

    public PageImages(ObjectStore objects) {
        this.objects = objects;
    }

    /** An image file with its media type. */
    public record ImageFile(byte[] bytes, String mediaType) {}

    public void putImage(String uuid, int pageIndex, byte[] image) {
        objects.put(BucketLayout.pageImage(uuid, pageIndex), image, tiff(image) ? "image/tiff" : "image/jpeg");
    }

    public Optional<byte[]> image(String uuid, int pageIndex) {
        return objects.get(BucketLayout.pageImage(uuid, pageIndex));
    }

    /** The page image as a browser shows it: a JPEG as kept, a bilevel page's TIFF (which browsers do not show) as a PNG. */
    public Optional<ImageFile> browserImage(String uuid, int pageIndex) {
        return image(uuid, pageIndex)
                .map(image ->
                        tiff(image) ? new ImageFile(png(image), "image/png") : new ImageFile(image, "image/jpeg"));
    }

    public void putOriginal(String uuid, int pageIndex, byte[] singlePagePdf) {
        objects.put(BucketLayout.pageOriginal(uuid, pageIndex), singlePagePdf, "application/pdf");
    }

    public Optional<byte[]> original(String uuid, int pageIndex) {
        return objects.get(BucketLayout.pageOriginal(uuid, pageIndex));
    }

    private static boolean tiff(byte[] image) {
        return image.length > 4
                && ((image[0] == 'I' && image[1] == 'I' && image[2] == 42 && image[3] == 0)
                        || (image[0] == 'M' && image[1] == 'M' && image[2] == 0 && image[3] == 42));
    }

    private static byte[] png(byte[] tiff) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(tiff));
            if (image == null) {
                throw new IOException("the stored page image is not a readable TIFF");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
