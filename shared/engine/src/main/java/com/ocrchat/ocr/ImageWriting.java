package com.ocrchat.ocr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** One image written to memory with ImageIO's writer of a format (not through its disk cache). */
final class ImageWriting {
    private ImageWriting() {}

    /** What is written, made from the writer and its parameters (a format's metadata come from both). */
    interface Written {
        IIOImage of(ImageWriter writer, ImageWriteParam parameters) throws IOException;
    }

    /** {@code settings} sets the writer's parameters, after explicit compression is asked for. */
    static byte[] write(String format, Consumer<ImageWriteParam> settings, Written image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            settings.accept(parameters);
            writer.setOutput(stream);
            writer.write(null, image.of(writer, parameters), parameters);
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
