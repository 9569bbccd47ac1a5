package com.ocrchat.export;

import com.ocrchat.store.PageImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** A kept page image as a browser shows it: a JPEG as it is; a bilevel page's G4 TIFF, which browsers do not show, as a PNG. */
public final class BrowserImages {
    private BrowserImages() {}

    /** An image file with its media type. */
    public record ImageFile(byte[] bytes, String mediaType) {}

    public static ImageFile of(byte[] kept) {
        String type = PageImages.mediaType(kept);
        return type.equals("image/tiff") ? new ImageFile(png(kept), "image/png") : new ImageFile(kept, type);
    }

    private static byte[] png(byte[] tiff) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // Read from memory, not through ImageIO's disk cache; ImageIO closes the stream itself.
            BufferedImage image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(tiff)));
            if (image == null) {
                throw new IOException("the kept page image is not a TIFF this JVM reads");
            }
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                ImageIO.write(image, "png", stream);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
