package com.ocrchat.export;

import com.ocrchat.auth.Caller;
import com.ocrchat.job.JobQueries;
import com.ocrchat.page.Page;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.ObjectStore;
import com.ocrchat.store.PageImages;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A recognized page's image as browsers are sent it, in the pixel space of its blocks' bbox, so boxes are drawn over
 * it as they are. The kept image is the one recognized (or the scan's own JPEG, with its pixels to a pixel or two, in its colours),
 * at the resolution it was read at: a PDF scanned at less than
 * the configured dpi is read at the scan's own, while its boxes are in the configured dpi's space; such an image is
 * scaled to the page's size. A bilevel page's G4 TIFF, which browsers do not show, is sent as a PNG. What is made is
 * kept with the exports, so a page is made once.
 */
public final class BrowserImages {
    private final JobQueries jobs;
    private final ObjectStore objects;

    public BrowserImages(JobQueries jobs, ObjectStore objects) {
        this.jobs = jobs;
        this.objects = objects;
    }

    /** Pages larger than this are sent at the resolution they were read at (a 6 MB response holds no more). */
    static final long MOST_SCALED_PIXELS = 40_000_000L;

    /**
     * An image file with its media type; {@code lasting} once it is as it will stay (a page still being read may be
     * sent before its size is known, at the resolution it was read at).
     */
    public record ImageFile(byte[] bytes, String mediaType, boolean lasting) {}

    /** Page {@code page} of the caller's job, as a JPEG (or a PNG for a bilevel page) of the page's size. */
    public ImageFile image(Caller caller, String uuid, String page) {
        JobQueries.JobPage jobPage = jobs.page(caller, uuid, page);
        String key = BucketLayout.browserPageImage(jobPage.job().uuid(), jobPage.index());
        Optional<byte[]> made = objects.get(key);
        if (made.isPresent()) {
            return new ImageFile(made.get(), mediaType(made.get()), true);
        }
        byte[] kept = jobs.pageImage(jobPage);
        Optional<Page> read = jobs.readPage(jobPage);
        ImageFile image = forBrowser(
                kept, read.map(Page::width).orElse(0), read.map(Page::height).orElse(0));
        if (image.lasting()) {
            objects.put(key, image.bytes(), image.mediaType());
        }
        return image;
    }

    /**
     * The kept image at {@code width} x {@code height} (as it is when either is 0, the size not known yet, or when the
     * page is larger than {@link #MOST_SCALED_PIXELS}): a PNG if bilevel, else a JPEG.
     */
    static ImageFile forBrowser(byte[] kept, int width, int height) {
        boolean bilevel = PageImages.mediaType(kept).equals("image/tiff");
        boolean known = width > 0 && height > 0;
        boolean resized = false;
        if (known && (long) width * height <= MOST_SCALED_PIXELS) {
            int[] size = size(kept);
            resized = size[0] != width || size[1] != height;
        }
        if (!bilevel && !resized) {
            return new ImageFile(kept, "image/jpeg", known);
        }
        BufferedImage image = decode(kept);
        if (resized) {
            image = scaled(image, width, height, bilevel);
        }
        return new ImageFile(encode(image, bilevel ? "png" : "jpeg"), bilevel ? "image/png" : "image/jpeg", known);
    }

    /** Bilevel stays bilevel (nearest pixels); anything else is interpolated, in grey or colour as it was. */
    private static BufferedImage scaled(BufferedImage image, int width, int height, boolean bilevel) {
        int type = bilevel
                ? BufferedImage.TYPE_BYTE_BINARY
                : image.getColorModel().getNumColorComponents() == 1
                        ? BufferedImage.TYPE_BYTE_GRAY
                        : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage scaled = new BufferedImage(width, height, type);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION,
                    bilevel
                            ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR
                            : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static String mediaType(byte[] made) {
        return made.length > 3 && made[0] == (byte) 0x89 && made[1] == 'P' && made[2] == 'N' && made[3] == 'G'
                ? "image/png"
                : "image/jpeg";
    }

    /** Width and height from the image's header, without decoding its pixels. */
    private static int[] size(byte[] kept) {
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(kept))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new IOException("the kept page image is not an image this JVM reads");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage decode(byte[] kept) {
        try {
            // Read from memory, not through ImageIO's disk cache; ImageIO closes the stream itself.
            BufferedImage image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(kept)));
            if (image == null) {
                throw new IOException("the kept page image is not an image this JVM reads");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                ImageIO.write(image, format, stream);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
