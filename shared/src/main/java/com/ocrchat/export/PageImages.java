package com.ocrchat.export;

import com.ocrchat.ocr.OcrPipeline;
import com.ocrchat.store.ObjectStore;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The pages of a job, kept until the job expires for the searchable PDF export: recognized pages as
 * the JPEG images recognized (the invisible text is laid over them, so word boxes line up exactly);
 * pages read from their own text layer as they were, one-page PDFs.
 */
public final class PageImages {
    private static final float QUALITY = 0.8f;

    private final ObjectStore objects;

    public PageImages(ObjectStore objects) {
        this.objects = objects;
    }

    public void put(String uuid, int pageIndex, BufferedImage image) {
        objects.put(key(uuid, pageIndex), jpeg(image), "image/jpeg");
    }

    public Optional<byte[]> get(String uuid, int pageIndex) {
        return objects.get(key(uuid, pageIndex));
    }

    /** A page taken from its own text layer, kept as it was (a one-page PDF). */
    public void putOriginal(String uuid, int pageIndex, byte[] singlePagePdf) {
        objects.put(originalKey(uuid, pageIndex), singlePagePdf, "application/pdf");
    }

    public Optional<byte[]> original(String uuid, int pageIndex) {
        return objects.get(originalKey(uuid, pageIndex));
    }

    /** Where the pipeline puts the pages of job {@code uuid}. */
    public OcrPipeline.PageSink sinkFor(String uuid) {
        return new OcrPipeline.PageSink() {
            @Override
            public void rendered(int pageIndex, BufferedImage image) {
                put(uuid, pageIndex, image);
            }

            @Override
            public void keptAsIs(int pageIndex, byte[] singlePagePdf) {
                putOriginal(uuid, pageIndex, singlePagePdf);
            }
        };
    }

    static String originalKey(String uuid, int pageIndex) {
        return "pages/" + uuid + "/" + pageIndex + ".pdf";
    }

    static String key(String uuid, int pageIndex) {
        return "pages/" + uuid + "/" + pageIndex + ".jpg";
    }

    /** Grey stays grey; colour stays colour; transparency is laid over white (JPEG has none). */
    public static byte[] jpeg(BufferedImage image) {
        BufferedImage opaque = image;
        int type = image.getType();
        if (type != BufferedImage.TYPE_BYTE_GRAY && type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_3BYTE_BGR) {
            boolean grey = image.getColorModel().getNumColorComponents() == 1;
            opaque = new BufferedImage(image.getWidth(), image.getHeight(), grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = opaque.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(QUALITY);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(opaque, null, null), parameters);
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
