package com.ocrchat.export;

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
 * The page images of a job, kept (as JPEG) until the job expires: the searchable PDF export lays its
 * invisible text over them. They are the images as recognized, so word boxes line up exactly.
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

    static String key(String uuid, int pageIndex) {
        return "pages/" + uuid + "/" + pageIndex + ".jpg";
    }

    /** Grey stays grey; colour stays colour; transparency is laid over white (JPEG has none). */
    static byte[] jpeg(BufferedImage image) {
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
